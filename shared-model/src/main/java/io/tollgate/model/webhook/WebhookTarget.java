package io.tollgate.model.webhook;

import io.tollgate.model.crypto.EncryptedSecret;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as the sender needs it: whose it is, where it posts, its encrypted signing secret and, after a rotation,
 * the secret it replaced with the end of its grace period.
 */
public record WebhookTarget(UUID tenantId, UUID webhookId, String url, EncryptedSecret secret,
                            Optional<RetiringSecret> previousSecret) {

    /** The secret a rotation replaced; deliveries are signed with it too until {@code expiresAt}. */
    public record RetiringSecret(EncryptedSecret secret, Instant expiresAt) {
    }

    /** The columns {@link #read} expects, for a query on {@code webhooks} (aliased {@code w}). */
    public static final String COLUMNS = """
            w.id, w.url, w.secret_ciphertext, w.secret_key_id, w.previous_secret_ciphertext, w.previous_secret_key_id,
            w.previous_secret_expires_at""";

    /** A target from a row selected with {@link #COLUMNS}. */
    public static WebhookTarget read(UUID tenantId, ResultSet rs) throws SQLException {
        byte @Nullable [] previous = rs.getBytes("previous_secret_ciphertext");
        Optional<RetiringSecret> retiring = previous == null ? Optional.empty()
                : Optional.of(new RetiringSecret(new EncryptedSecret(previous, rs.getString("previous_secret_key_id")),
                        rs.getTimestamp("previous_secret_expires_at").toInstant()));
        return new WebhookTarget(tenantId, rs.getObject("id", UUID.class), rs.getString("url"),
                new EncryptedSecret(rs.getBytes("secret_ciphertext"), rs.getString("secret_key_id")), retiring);
    }

    /** The host only: some receivers carry a token in the URL's path or query. */
    @Override
    public String toString() {
        return "WebhookTarget[" + webhookId + ", " + host(url) + "]";
    }

    /** The URL's host, or a placeholder for a URL that names none; never the path, query or user info. */
    static String host(String url) {
        try {
            return Objects.requireNonNullElse(URI.create(url).getHost(), "?");
        } catch (IllegalArgumentException notAUri) {
            return "?";
        }
    }
}
