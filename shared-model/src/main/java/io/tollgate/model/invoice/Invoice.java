package io.tollgate.model.invoice;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's invoice for one period, with its lines. Amounts on lines and totals are whole cents (billing
 * rounds once, with {@link Money#roundedToCents()}); the metered cost stays exact.
 */
@Entity
@Table(name = "invoices")
public class Invoice extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID tenantId;
    private @Nullable String number;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private String currency;
    @Column(precision = 28, scale = 15)
    private BigDecimal meteredCostUsd;
    @Column(precision = 9, scale = 4)
    private BigDecimal markupPercent;
    @Column(precision = 19, scale = 2)
    private BigDecimal subtotalUsd;
    @Column(precision = 19, scale = 2)
    private BigDecimal totalUsd;
    private @Nullable Instant finalizedAt;
    private @Nullable Instant paidAt;
    private @Nullable Instant voidedAt;
    private @Nullable String stripeInvoiceId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    /** @param periodEnd the first day after the period */
    public static Invoice draft(UUID tenantId, LocalDate periodStart, LocalDate periodEnd, BigDecimal markupPercent,
                                Instant at) {
        if (!periodEnd.isAfter(periodStart)) {
            throw new IllegalArgumentException("periodEnd " + periodEnd + " must be after periodStart " + periodStart);
        }
        var invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        invoice.periodStart = periodStart;
        invoice.periodEnd = periodEnd;
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = "USD";
        invoice.meteredCostUsd = BigDecimal.ZERO;
        invoice.markupPercent = Objects.requireNonNull(markupPercent, "markupPercent");
        invoice.subtotalUsd = BigDecimal.ZERO;
        invoice.totalUsd = BigDecimal.ZERO;
        invoice.createdAt = at;
        invoice.updatedAt = at;
        return invoice;
    }

    /** Appends a line numbered after the last one; {@code amount} must already be in whole cents. */
    public InvoiceLine addLine(InvoiceLineKind kind, String description, @Nullable UUID appId, @Nullable String model,
                               long requests, TokenUsage tokens, Money meteredCost, Money amount) {
        requireStatus(InvoiceStatus.DRAFT, "add a line");
        var line = new InvoiceLine(this, lines.size() + 1, kind, description, appId, model, requests, tokens,
                meteredCost, cents(amount));
        lines.add(line);
        return line;
    }

    /** Sets the exact metered cost and the rounded subtotal and total of a draft. */
    public void fixTotals(Money meteredCost, Money subtotal, Money total, Instant at) {
        requireStatus(InvoiceStatus.DRAFT, "change totals");
        this.meteredCostUsd = meteredCost.amount();
        this.subtotalUsd = cents(subtotal);
        this.totalUsd = cents(total);
        this.updatedAt = at;
    }

    public void finalizeWithNumber(String number, Instant at) {
        requireStatus(InvoiceStatus.DRAFT, "finalize");
        this.number = Objects.requireNonNull(number, "number");
        this.status = InvoiceStatus.FINALIZED;
        this.finalizedAt = at;
        this.updatedAt = at;
    }

    public void markPaid(Instant at) {
        requireStatus(InvoiceStatus.FINALIZED, "mark paid");
        this.status = InvoiceStatus.PAID;
        this.paidAt = at;
        this.updatedAt = at;
    }

    public void voidInvoice(Instant at) {
        if (status != InvoiceStatus.DRAFT && status != InvoiceStatus.FINALIZED) {
            throw new IllegalStateException("Cannot void a " + status + " invoice " + id);
        }
        this.status = InvoiceStatus.VOID;
        this.voidedAt = at;
        this.updatedAt = at;
    }

    public void linkStripeInvoice(String stripeInvoiceId, Instant at) {
        this.stripeInvoiceId = Objects.requireNonNull(stripeInvoiceId, "stripeInvoiceId");
        this.updatedAt = at;
    }

    private void requireStatus(InvoiceStatus required, String action) {
        if (status != required) {
            throw new IllegalStateException("Cannot " + action + " on a " + status + " invoice " + id
                    + "; it must be " + required);
        }
    }

    private static BigDecimal cents(Money amount) {
        try {
            return amount.amount().setScale(Money.CENT_SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Invoice amounts are whole cents; round " + amount + " first", e);
        }
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public Optional<String> getNumber() {
        return Optional.ofNullable(number);
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public Money getMeteredCost() {
        return Money.of(meteredCostUsd);
    }

    public BigDecimal getMarkupPercent() {
        return markupPercent;
    }

    public Money getSubtotal() {
        return Money.of(subtotalUsd);
    }

    public Money getTotal() {
        return Money.of(totalUsd);
    }

    public Optional<Instant> getFinalizedAt() {
        return Optional.ofNullable(finalizedAt);
    }

    public Optional<Instant> getPaidAt() {
        return Optional.ofNullable(paidAt);
    }

    public Optional<Instant> getVoidedAt() {
        return Optional.ofNullable(voidedAt);
    }

    public Optional<String> getStripeInvoiceId() {
        return Optional.ofNullable(stripeInvoiceId);
    }

    public List<InvoiceLine> getLines() {
        return List.copyOf(lines);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
