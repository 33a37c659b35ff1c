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
 * Join tokens that carry their own grant: {@code j2.PAYLOAD.MAC}, where the payload (Base64url) names the match,
 * the user, the expiry and the session the token was issued under (the hash the store keeps of the session token,
 * which lets nobody act as the user), with 96 random bits, and the MAC is its HMAC-SHA256 under a key kept in the
 * database (so every lookup server on one database accepts every other's tokens). Issuing one writes nothing, which
 * is what lets a lookup server answer thousands of joins a second; checking one is a MAC, a comparison, and (for the
 * session, which logout ends) one read. A token whose MAC does not match was not issued by a server of this
 * database. Each token has one spelling: Base64url without padding, whose last character carries no stray bits;
 * any other spelling of the same bytes is refused like a forgery.
 * <p>
 * Tokens of the earlier form {@code j1.}, without a session, are still accepted until they expire (at most the
 * join token lifetime after an upgrade); logout cannot revoke them.
 */
final class JoinTokens {

    /** how a signed token starts; tokens without a signed prefix are the older random ones the database holds */
    static final String PREFIX = "j2.";
    /** the earlier signed form, without the session */
    static final String PREFIX_1 = "j1.";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs;

    /** What a signed token grants, and the session it was issued under ({@code null} for a {@code j1.} token). */
    record Signed(Grant grant, String session) {
    }

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

    /** @return whether this looks like a signed token, of either form */
    static boolean isSigned(String token) {
        return token.startsWith(PREFIX) || token.startsWith(PREFIX_1);
    }

    /**
     * @param session the hash of the session token the joiner identified with
     * @return a token that lets this user into this match until then, while the session lasts
     */
    String issue(String user, String matchId, Instant expiresAt, String session) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = B64.encodeToString((matchId + "\n" + user + "\n" + expiresAt.toEpochMilli() + "\n"
                + B64.encodeToString(nonce) + "\n" + session).getBytes(StandardCharsets.UTF_8));
        return PREFIX + payload + "." + B64.encodeToString(mac(payload));
    }

    /** @return the grant a signed token carries, or empty if it is not one this key signed, in its one spelling */
    Optional<Signed> verify(String token) {
        String prefix = token.startsWith(PREFIX) ? PREFIX : token.startsWith(PREFIX_1) ? PREFIX_1 : null;
        if (prefix == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.', prefix.length());
        if (dot < 0) {
            return Optional.empty();
        }
        String payload = token.substring(prefix.length(), dot);
        String macText = token.substring(dot + 1);
        byte[] given;
        byte[] text;
        try {
            given = UNB64.decode(macText);
            text = UNB64.decode(payload);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // the decoder is lenient: it takes padding and ignores the last character's unused bits
        if (!B64.encodeToString(given).equals(macText) || !B64.encodeToString(text).equals(payload)) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        String[] fields = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != (prefix.equals(PREFIX) ? 5 : 4)) {
            return Optional.empty();
        }
        try {
            Grant grant = new Grant(fields[1], fields[0], Instant.ofEpochMilli(Long.parseLong(fields[2])));
            return Optional.of(new Signed(grant, fields.length == 5 ? fields[4] : null));
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
