package io.tollgate.model.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One line of an {@link Invoice}, written once with its draft and never changed ({@link Immutable}: Hibernate issues
 * no update for it; a draft is rebuilt with new lines). {@code meteredCostUsd} is exact, {@code amountUsd} in cents,
 * rounded by billing's one rounding rule.
 */
@Entity
@Table(name = "invoice_lines")
@Immutable
@NullMarked
public class InvoiceLine {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private int lineNo;
    @Enumerated(EnumType.STRING)
    private InvoiceLineKind kind;
    private String description;
    private @Nullable UUID appId;
    private @Nullable String model;
    private long requests;
    private long promptTokens;
    private long completionTokens;
    private long cachedTokens;
    private long reasoningTokens;
    private BigDecimal meteredCostUsd;
    private BigDecimal amountUsd;

    protected InvoiceLine() {
    }

    /** A line billing usage (USAGE or ADJUSTMENT), its exact metered cost and its amount in cents. */
    public InvoiceLine(int lineNo, InvoiceLineKind kind, String description, @Nullable UUID appId,
                       @Nullable String model, long requests, long promptTokens, long completionTokens,
                       long cachedTokens, long reasoningTokens, BigDecimal meteredCostUsd, BigDecimal amountUsd) {
        if (lineNo < 1) {
            throw new IllegalArgumentException("Lines are numbered from 1, not " + lineNo);
        }
        this.id = UUID.randomUUID();
        this.lineNo = lineNo;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.description = Objects.requireNonNull(description, "description");
        this.appId = appId;
        this.model = model;
        this.requests = requests;
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.cachedTokens = cachedTokens;
        this.reasoningTokens = reasoningTokens;
        this.meteredCostUsd = Objects.requireNonNull(meteredCostUsd, "meteredCostUsd");
        this.amountUsd = Objects.requireNonNull(amountUsd, "amountUsd");
    }

    /** The markup or discount line: an amount only, no usage. */
    public static InvoiceLine charge(int lineNo, InvoiceLineKind kind, String description, BigDecimal amountUsd) {
        return new InvoiceLine(lineNo, kind, description, null, null, 0, 0, 0, 0, 0, BigDecimal.ZERO, amountUsd);
    }

    /** Set once, by the invoice the line is added to. */
    void belongTo(UUID tenantId) {
        this.tenantId = tenantId;
    }

    boolean billsUsage() {
        return kind == InvoiceLineKind.USAGE || kind == InvoiceLineKind.ADJUSTMENT;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public InvoiceLineKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public Optional<UUID> getAppId() {
        return Optional.ofNullable(appId);
    }

    public Optional<String> getModel() {
        return Optional.ofNullable(model);
    }

    public long getRequests() {
        return requests;
    }

    public long getPromptTokens() {
        return promptTokens;
    }

    public long getCompletionTokens() {
        return completionTokens;
    }

    public long getCachedTokens() {
        return cachedTokens;
    }

    public long getReasoningTokens() {
        return reasoningTokens;
    }

    public BigDecimal getMeteredCostUsd() {
        return meteredCostUsd;
    }

    public BigDecimal getAmountUsd() {
        return amountUsd;
    }
}
