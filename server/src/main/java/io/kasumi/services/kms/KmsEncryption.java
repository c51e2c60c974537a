package io.kasumi.services.kms;

import java.util.Map;

/**
 * What KMS offers the services that encrypt with it (Secrets Manager, SSM SecureString, S3
 * SSE-KMS): the same Encrypt and Decrypt, with the same key checks, as the KMS API, under the
 * caller's account and region.
 */
public interface KmsEncryption {

    /** A ciphertext blob and the ARN of the key that made it. */
    record Encrypted(byte[] ciphertext, String keyArn) {
    }

    /** A plaintext and the ARN of the key that decrypted it. */
    record Decrypted(byte[] plaintext, String keyArn) {
    }

    /**
     * @param keyId a key id, key ARN, alias name or alias ARN; null means the AWS managed key
     *              {@code alias/aws/<service>}, created on first use as AWS does
     * @throws io.kasumi.api.AwsException with KMS's code (NotFoundException, DisabledException,
     *                                    KMSInvalidStateException) when the key cannot encrypt
     */
    Encrypted encrypt(String account, String region, String service, String keyId, byte[] plaintext,
                      Map<String, String> encryptionContext);

    /**
     * @throws io.kasumi.api.AwsException InvalidCiphertextException when the blob or the
     *                                    encryption context does not match, or the key's state codes
     */
    Decrypted decrypt(String account, String region, byte[] ciphertext, Map<String, String> encryptionContext);
}
