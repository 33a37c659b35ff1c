package io.sideline.lookup.server.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 from the JDK, 600,000 iterations (OWASP's 2023 figure), a 16-byte
 * random salt and a 32-byte key, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$KEY} (Base64). The
 * iteration count travels with the hash, so it can be raised later and old hashes still verify.
 */
public final class Passwords {

    /** the iteration count of new hashes */
    public static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;

    private final SecureRandom random = new SecureRandom();
    /** a hash of a password nobody has, to spend the same time on an unknown user as on a known one */
    private final String decoy;

    public Passwords() {
        this.decoy = hash("decoy-" + random.nextLong());
    }

    /** @return the stored form of a password */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * @param password a password
     * @param stored   its stored form, or {@code null} for an unknown user (the same work is done anyway)
     * @return whether the password matches
     */
    public boolean verify(String password, String stored) {
        String[] parts = (stored == null ? decoy : stored).split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        boolean same = MessageDigest.isEqual(expected, derive(password, salt, iterations));
        return same && stored != null;
    }

    /** @return whether a stored hash uses fewer iterations than new ones, and should be replaced on login */
    public boolean isOutdated(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 4 || Integer.parseInt(parts[1]) < ITERATIONS;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        }
    }
}
