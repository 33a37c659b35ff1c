package io.sideline.lookup.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.sideline.lookup.server.internal.store.LookupStore.Grant;

/**
 * Join tokens that carry their own grant: {@code j1.PAYLOAD.MAC}, where the payload (Base64url) names the match,
 * the user and the expiry, with 96 random bits, and the MAC is its HMAC-SHA256 under a key kept in the database
 * (so every lookup server on one database accepts every other's tokens). Issuing one writes nothing, which is what
 * lets a lookup server answer thousands of joins a second; checking one is a MAC and a comparison. A token whose
 * MAC does not match was not issued by a server of this database.
 */
final class JoinTokens {

    /** how a signed token starts; tokens without it are the older random ones the database holds */
    static final String PREFIX = "j1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;

    /** @param secret the key, Base64url, 256 bits */
    JoinTokens(String secret) {
        this.key = new SecretKeySpec(UNB64.decode(secret), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no HmacSHA256", e);
            }
        });
    }

    /** @return a new random key, Base64url */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** @return a token that lets this user into this match until then */
    String issue(String user, String matchId, Instant expiresAt) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = B64.encodeToString((matchId + "\n" + user + "\n" + expiresAt.toEpochMilli() + "\n"
                + B64.encodeToString(nonce)).getBytes(StandardCharsets.UTF_8));
        return PREFIX + payload + "." + B64.encodeToString(mac(payload));
    }

    /** @return the grant a signed token carries, or empty if it is not one this key signed */
    Optional<Grant> verify(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = token.substring(PREFIX.length(), dot);
        byte[] given;
        try {
            given = UNB64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        String[] fields = new String(UNB64.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Grant(fields[1], fields[0], Instant.ofEpochMilli(Long.parseLong(fields[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        Mac mac = macs.get();
        mac.update(ByteBuffer.wrap(payload.getBytes(StandardCharsets.US_ASCII)));
        return mac.doFinal();
    }
}
