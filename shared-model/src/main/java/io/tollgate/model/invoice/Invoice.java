package io.tollgate.model.invoice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's invoice for one month, with its lines. Its rules are its own methods: a draft's subtotal and total are
 * the sums of its lines (so they always add up); {@link #issue} numbers it and fixes them for good; after that the
 * status only moves on ({@link #markPaid}, {@link #markVoid} with its reason) and the Stripe copy is recorded. An
 * illegal move throws {@link IllegalInvoiceTransitionException}; nothing changes an issued invoice's lines or amounts
 * (the lines are {@link org.hibernate.annotations.Immutable}, and the database's triggers refuse it too).
 *
 * <p>Month close builds drafts here and writes them with batched SQL ({@code billing-service}'s {@code InvoiceWriter}:
 * it writes a thousand at a time, with what each consumed); single-invoice work loads and changes the entity. Its
 * tenant is the session's ({@link TenantId}); billing works on invoices in the platform scope, where it is the row's
 * own.
 */
@Entity
@Table(name = "invoices")
@NullMarked
public class Invoice {

    public static final int LONGEST_VOID_REASON = 1000;

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private @Nullable String number;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private String currency;
    private BigDecimal meteredCostUsd;
    private BigDecimal markupPercent;
    private BigDecimal subtotalUsd;
    private BigDecimal totalUsd;
    private @Nullable Instant finalizedAt;
    private @Nullable Instant paidAt;
    private @Nullable Instant voidedAt;
    private @Nullable String voidReason;
    private @Nullable String stripeInvoiceId;
    private @Nullable Instant stripeFinalizedAt;
    private @Nullable Instant stripeVoidedAt;
    private Instant updatedAt;
    @Version
    private long version;
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id", insertable = false, updatable = false)
    @OrderBy("lineNo")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    /**
     * A draft of the month starting {@code periodStart}; its subtotal is the sum of its usage lines, its total the sum
     * of all of them.
     *
     * @param meteredCostUsd the exact, unrounded cost of the usage it bills
     * @param lines          numbered from 1 in order, amounts in whole cents
     */
    public static Invoice draft(UUID id, UUID tenantId, LocalDate periodStart, BigDecimal meteredCostUsd,
                                BigDecimal markupPercent, List<InvoiceLine> lines, Instant at) {
        if (periodStart.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("An invoice's period starts on the 1st, not " + periodStart);
        }
        Invoice invoice = new Invoice();
        invoice.id = Objects.requireNonNull(id, "id");
        invoice.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        invoice.periodStart = periodStart;
        invoice.periodEnd = periodStart.plusMonths(1);
        invoice.status = InvoiceStatus.DRAFT;
        invoice.currency = "USD";
        invoice.meteredCostUsd = Objects.requireNonNull(meteredCostUsd, "meteredCostUsd");
        invoice.markupPercent = Objects.requireNonNull(markupPercent, "markupPercent");
        for (InvoiceLine line : lines) {
            if (line.getLineNo() != invoice.lines.size() + 1) {
                throw new IllegalArgumentException("Line " + line.getLineNo() + " is not numbered in order");
            }
            requireCents(line.getAmountUsd());
            line.belongTo(tenantId);
            invoice.lines.add(line);
        }
        invoice.subtotalUsd = sum(invoice.lines, InvoiceLine::billsUsage);
        invoice.totalUsd = sum(invoice.lines, line -> true);
        if (invoice.totalUsd.signum() < 0) {
            throw new IllegalArgumentException("An invoice's total cannot be negative: " + invoice.totalUsd);
        }
        invoice.updatedAt = stored(at);
        return invoice;
    }

    /**
     * Issues the draft under its number: from now on its lines and amounts never change.
     *
     * @throws IllegalInvoiceTransitionException unless it is a draft
     * @throws IllegalStateException             when its lines do not add up to its subtotal and total
     */
    public void issue(String number, Instant finalizedAt) {
        move(InvoiceStatus.FINALIZED);
        if (sum(lines, InvoiceLine::billsUsage).compareTo(subtotalUsd) != 0
                || sum(lines, line -> true).compareTo(totalUsd) != 0) {
            throw new IllegalStateException("The lines of invoice " + id + " do not add up to its subtotal "
                    + subtotalUsd + " and total " + totalUsd);
        }
        this.number = Objects.requireNonNull(number, "number");
        this.finalizedAt = stored(finalizedAt);
        this.updatedAt = this.finalizedAt;
    }

    public void markPaid(Instant at) {
        move(InvoiceStatus.PAID);
        this.paidAt = stored(at);
        this.updatedAt = stored(at);
    }

    /**
     * Voids the issued invoice: a status move, kept with its reason; the invoice and its lines stay. Its usage is
     * released, so the next month close bills it again.
     *
     * @param reason why; stripped, null or blank for none
     * @throws IllegalArgumentException          when the reason is longer than {@link #LONGEST_VOID_REASON}
     * @throws IllegalInvoiceTransitionException unless it is finalized (and not yet paid)
     */
    public void markVoid(@Nullable String reason, Instant at) {
        Optional<String> kept = keptVoidReason(reason);
        move(InvoiceStatus.VOID);
        this.voidReason = kept.orElse(null);
        this.voidedAt = stored(at);
        this.updatedAt = stored(at);
    }

    /** The void reason as an invoice keeps it: stripped, empty when blank. */
    public static Optional<String> keptVoidReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        String kept = reason.strip();
        if (kept.length() > LONGEST_VOID_REASON) {
            throw new IllegalArgumentException("A void reason has at most " + LONGEST_VOID_REASON + " characters");
        }
        return Optional.of(kept);
    }

    /** The Stripe invoice that copies this one; only an issued, unvoided invoice gets one, and only one. */
    public void recordStripeCopy(String stripeInvoiceId, Instant at) {
        if (status != InvoiceStatus.FINALIZED && status != InvoiceStatus.PAID) {
            throw new IllegalStateException("Only finalized invoices go to Stripe; invoice " + id + " is " + status);
        }
        if (this.stripeInvoiceId != null && !this.stripeInvoiceId.equals(stripeInvoiceId)) {
            throw new IllegalStateException("Invoice " + id + " is copied to Stripe as " + this.stripeInvoiceId);
        }
        this.stripeInvoiceId = Objects.requireNonNull(stripeInvoiceId, "stripeInvoiceId");
        this.updatedAt = stored(at);
    }

    /** Its Stripe copy was finalized there; the first time counts, so a later push changes nothing. */
    public void markStripeCopyFinalized(Instant at) {
        if (stripeInvoiceId == null) {
            throw new IllegalStateException("Invoice " + id + " has no Stripe copy");
        }
        if (stripeFinalizedAt == null) {
            this.stripeFinalizedAt = stored(at);
            this.updatedAt = stored(at);
        }
    }

    /** The Stripe copy of this voided invoice was voided (or deleted) there, so it cannot be paid. */
    public void markStripeCopyVoided(Instant at) {
        if (status != InvoiceStatus.VOID) {
            throw new IllegalStateException("Invoice " + id + " is " + status + "; only a voided one's copy goes");
        }
        if (stripeVoidedAt == null) {
            this.stripeVoidedAt = stored(at);
            this.updatedAt = stored(at);
        }
    }

    private void move(InvoiceStatus next) {
        if (next.reachedFrom() != status) {
            throw new IllegalInvoiceTransitionException(id, status, next);
        }
        this.status = next;
    }

    private static BigDecimal sum(List<InvoiceLine> lines, Predicate<InvoiceLine> which) {
        return lines.stream().filter(which).map(InvoiceLine::getAmountUsd).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    private static void requireCents(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("An invoice line's amount is in whole cents, not " + amount);
        }
    }

    /** A time as PostgreSQL keeps it (microseconds), so the entity answers the same before and after its round trip. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

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

    /** Exclusive: the first day of the next month. */
    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getMeteredCostUsd() {
        return meteredCostUsd;
    }

    public BigDecimal getMarkupPercent() {
        return markupPercent;
    }

    public BigDecimal getSubtotalUsd() {
        return subtotalUsd;
    }

    public BigDecimal getTotalUsd() {
        return totalUsd;
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

    public Optional<String> getVoidReason() {
        return Optional.ofNullable(voidReason);
    }

    public Optional<String> getStripeInvoiceId() {
        return Optional.ofNullable(stripeInvoiceId);
    }

    public Optional<Instant> getStripeFinalizedAt() {
        return Optional.ofNullable(stripeFinalizedAt);
    }

    public Optional<Instant> getStripeVoidedAt() {
        return Optional.ofNullable(stripeVoidedAt);
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** In line order; read-only. */
    public List<InvoiceLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
