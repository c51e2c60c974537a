package io.kasumi.services.sns;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs notifications as SNS does (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) with an RSA
 * key made for this Kasumi instance; its certificate is served at SigningCertURL so subscribers
 * that verify signatures can. The key is made on first use: generating it costs hundreds of
 * milliseconds, which start-up (and a JUnit test's Kasumi) should not pay for unused SNS.
 */
final class MessageSigner {
    private record Identity(KeyPair keys, String certificatePem) {
    }

    private volatile Identity identity;

    private Identity identity() {
        Identity current = identity;
        if (current == null) {
            synchronized (this) {
                current = identity;
                if (current == null) {
                    current = createIdentity();
                    identity = current;
                }
            }
        }
        return current;
    }

    private static Identity createIdentity() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            return new Identity(keys, SigningCertificate.pem(SigningCertificate.create(keys, "sns.amazonaws.com",
                    now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the SNS signing key", e);
        }
    }

    /** The base64 signature of the canonical string, by signature version ("1" or "2"). */
    String sign(String stringToSign, String signatureVersion) {
        try {
            Signature signature = Signature.getInstance("2".equals(signatureVersion) ? "SHA256withRSA" : "SHA1withRSA");
            signature.initSign(identity().keys().getPrivate());
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String certificatePem() {
        return identity().certificatePem();
    }
}
