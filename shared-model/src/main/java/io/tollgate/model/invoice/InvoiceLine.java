package io.tollgate.model.invoice;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of an invoice; created through {@link Invoice#addLine}. */
@Entity
@Table(name = "invoice_lines")
public class InvoiceLine extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
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
    @Column(precision = 28, scale = 15)
    private BigDecimal meteredCostUsd;
    @Column(precision = 19, scale = 2)
    private BigDecimal amountUsd;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, int lineNo, InvoiceLineKind kind, String description, @Nullable UUID appId,
                @Nullable String model, long requests, TokenUsage tokens, Money meteredCost, BigDecimal amountUsd) {
        this.id = UUID.randomUUID();
        this.invoice = invoice;
        this.tenantId = invoice.getTenantId();
        this.lineNo = lineNo;
        this.kind = kind;
        this.description = description;
        this.appId = appId;
        this.model = model;
        this.requests = requests;
        this.promptTokens = tokens.promptTokens();
        this.completionTokens = tokens.completionTokens();
        this.cachedTokens = tokens.cachedPromptTokens();
        this.reasoningTokens = tokens.reasoningTokens();
        this.meteredCostUsd = meteredCost.amount();
        this.amountUsd = amountUsd;
    }

    @Override
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

    public TokenUsage getTokens() {
        return new TokenUsage(promptTokens, completionTokens, cachedTokens, reasoningTokens);
    }

    /** The exact metered cost behind the line. */
    public Money getMeteredCost() {
        return Money.of(meteredCostUsd);
    }

    /** The charged amount, in whole cents. */
    public Money getAmount() {
        return Money.of(amountUsd);
    }
}
