package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.model.crypto.Redacted;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An upstream LLM provider the gateway calls. Platform-owned (no tenant column): only platform administrators change
 * it. Its credential is held only as ciphertext, bound to the provider's id ({@link #credentialBinding()}), and never
 * shown: {@link #toString()} tells only whether one is stored. Its settings keep keys the portal does not edit (e.g.
 * Azure's {@code apiVersion}) as they are.
 */
@Entity
@Table(name = "providers")
@NullMarked
public class Provider extends PersistableEntity<UUID> {

    /** The columns' defaults, which the gateway has always applied to providers nobody tuned. */
    public static final int DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
    public static final int DEFAULT_RESPONSE_TIMEOUT_MS = 120_000;

    private static final String REGION = "region";
    private static final String STREAM_OPTIONS = "streamOptions";
    private static final String HEALTH_CHECK_SECONDS = "healthCheckSeconds";

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProviderType type;
    private @Nullable String baseUrl;
    private byte @Nullable [] credentialCiphertext;
    private @Nullable String credentialKeyId;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> settings = new LinkedHashMap<>();
    private boolean enabled;
    private int connectTimeoutMs;
    private int responseTimeoutMs;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Provider() {
    }

    /** A provider without credential or settings, with the default timeouts. */
    public Provider(String name, ProviderType type, @Nullable String baseUrl, boolean enabled, Instant at) {
        this.id = UUID.randomUUID();
        this.connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
        this.responseTimeoutMs = DEFAULT_RESPONSE_TIMEOUT_MS;
        this.createdAt = stored(at);
        configure(name, type, baseUrl, enabled, at);
    }

    public void configure(String name, ProviderType type, @Nullable String baseUrl, boolean enabled, Instant at) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.baseUrl = baseUrl;
        this.enabled = enabled;
        this.updatedAt = stored(at);
    }

    /**
     * The settings the gateway reads that the portal edits, for the provider's current type: a Bedrock provider's AWS
     * region (no other type keeps one); {@code streamOptions: false} for an OpenAI-wire server that refuses
     * {@code stream_options} (absent: it takes them; other types keep no such key); the health check interval in
     * seconds (absent: none). Every other key stays as it is.
     */
    public void changeGatewaySettings(@Nullable String region, boolean acceptsStreamOptions,
                                      @Nullable Integer healthCheckSeconds) {
        Map<String, Object> next = new LinkedHashMap<>(settings);
        next.remove(REGION);
        next.remove(STREAM_OPTIONS);
        next.remove(HEALTH_CHECK_SECONDS);
        if (type == ProviderType.BEDROCK) {
            next.put(REGION, Objects.requireNonNull(region, "A Bedrock provider needs its AWS region"));
        }
        if (type.speaksOpenAiWire() && !acceptsStreamOptions) {
            next.put(STREAM_OPTIONS, false);
        }
        if (healthCheckSeconds != null) {
            next.put(HEALTH_CHECK_SECONDS, requirePositive(HEALTH_CHECK_SECONDS, healthCheckSeconds));
        }
        this.settings = next;
    }

    /** How long the gateway waits for a connection and, once connected, for each read of an answer. */
    public void changeTimeouts(int connectTimeoutMs, int responseTimeoutMs) {
        requirePositive("connectTimeoutMs", connectTimeoutMs);
        this.responseTimeoutMs = requirePositive("responseTimeoutMs", responseTimeoutMs);
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /** Encrypted by the caller, bound to {@link #credentialBinding()}. */
    public void replaceCredential(EncryptedSecret secret) {
        this.credentialCiphertext = secret.ciphertext();
        this.credentialKeyId = secret.keyId();
    }

    /** The associated data the credential is encrypted with, as the gateway decrypts it: the provider's id. */
    public String credentialBinding() {
        return id.toString();
    }

    public Optional<EncryptedSecret> credential() {
        return credentialCiphertext == null || credentialKeyId == null ? Optional.empty()
                : Optional.of(new EncryptedSecret(credentialCiphertext, credentialKeyId));
    }

    public boolean hasCredential() {
        return credentialCiphertext != null;
    }

    public Optional<String> region() {
        return Optional.ofNullable(settings.get(REGION)).map(Object::toString);
    }

    /** True unless the settings say {@code streamOptions: false}. */
    public boolean acceptsStreamOptions() {
        return !"false".equals(String.valueOf(settings.get(STREAM_OPTIONS)));
    }

    /** The health check interval when the settings hold a whole number of seconds the gateway can read. */
    public Optional<Integer> healthCheckSeconds() {
        return Optional.ofNullable(settings.get(HEALTH_CHECK_SECONDS)).map(Object::toString)
                .filter(seconds -> seconds.matches("[0-9]{1,9}")).map(Integer::valueOf);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ProviderType getType() {
        return type;
    }

    public Optional<String> getBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int getResponseTimeoutMs() {
        return responseTimeoutMs;
    }

    public long getVersion() {
        return version;
    }

    private static int requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** Whether a credential is stored, never what it is. */
    @Override
    public String toString() {
        return "Provider[" + name + ", " + type + ", credential="
                + (hasCredential() ? Redacted.REDACTED : Redacted.UNSET) + ", version " + version + "]";
    }
}
