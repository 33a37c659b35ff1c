package io.sideline.lookup.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets the server hands out: session and join tokens of 256 random bits from {@link SecureRandom},
 * Base64url without padding. The store keeps only their SHA-256 hashes, so a copy of the database lets
 * nobody act as a user. Match ids are short random strings, not secrets.
 */
public final class Tokens {

    private static final char[] ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    /** @return a new token: 256 random bits */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return a new match id: 12 characters of Crockford's base 32, 60 random bits */
    public String newMatchId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    /** @return the hex SHA-256 of a token, the form the store keeps */
    public static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
