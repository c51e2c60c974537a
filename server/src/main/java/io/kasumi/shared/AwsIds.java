package io.kasumi.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Identifiers in the shapes AWS hands out: access key ids ("AKIA…", "ASIA…"), unique ids of IAM
 * principals ("AROA…", "AIDA…"), secrets and session tokens.
 */
public final class AwsIds {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** A 20-character access key id with the given 4-letter prefix (AKIA long-term, ASIA temporary). */
    public String accessKeyId(String prefix) {
        return prefix + randomChars(BASE32, 16);
    }

    /** A 40-character secret access key. */
    public String secretAccessKey() {
        return randomChars(SECRET, 40);
    }

    /** An opaque session token of the length real ones have. */
    public String sessionToken() {
        byte[] bytes = new byte[264];
        random.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * A 21-character unique id ("AROA" + 17) derived from a stable name, so the same role always
     * gets the same id.
     */
    public static String stableUniqueId(String prefix, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; id.length() < prefix.length() + 17; i++) {
                id.append(BASE32[(digest[i] & 0xFF) % 32]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomChars(char[] alphabet, int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
