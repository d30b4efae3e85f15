package io.tollgate.billing.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.model.InvoiceItem;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceItemListParams;
import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.error.ErrorCode;
import io.tollgate.billing.invoicing.InvoiceDetails;
import io.tollgate.billing.invoicing.Invoices;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Pushes a finalized invoice to Stripe: the tenant's customer (created once, then updated), a draft Stripe invoice,
 * one invoice item per line attached to it, then finalization. Every call carries an idempotency key derived from
 * our ids, so a retry (stripe-java's own, or a second push after a failure) never creates anything twice; progress
 * (customer id, Stripe invoice id, finalized time) is saved as it is made, on the invoice by {@link StripeCopies}.
 * Stripe forgets idempotency keys after 24 hours, so a push that resumes an earlier one first asks Stripe which lines
 * its invoice already holds (by our line id in the item's metadata) and whether it is still a draft.
 */
@Service
public class StripeInvoiceSync {

    private static final Logger log = LoggerFactory.getLogger(StripeInvoiceSync.class);
    private static final String LINE_ID = "tollgate_invoice_line_id";

    private final StripeProperties properties;
    private final Invoices invoices;
    private final StripeCopies copies;
    private final JdbcClient jdbc;

    StripeInvoiceSync(StripeProperties properties, Invoices invoices, StripeCopies copies, JdbcClient jdbc) {
        this.properties = properties;
        this.invoices = invoices;
        this.copies = copies;
        this.jdbc = jdbc;
    }

    public InvoiceDetails push(UUID invoiceId) {
        if (!properties.enabled()) {
            throw new BillingException(ErrorCode.STRIPE_NOT_CONFIGURED, "Stripe is not configured (STRIPE_API_KEY)");
        }
        InvoiceDetails invoice = invoices.find(invoiceId)
                .orElseThrow(() -> BillingException.notFound("Invoice " + invoiceId));
        if (!invoice.status().equals("FINALIZED") && !invoice.status().equals("PAID")) {
            throw new BillingException(ErrorCode.INVALID_INVOICE_STATE,
                    "Only finalized invoices go to Stripe; invoice " + invoiceId + " is " + invoice.status());
        }
        if (Boolean.TRUE.equals(jdbc.sql("select stripe_finalized_at is not null from invoices where id = :id")
                .param("id", invoiceId).query(Boolean.class).single())) {
            return invoice;
        }
        StripeClient stripe = client();
        try {
            String customer = customer(stripe, invoice);
            Set<String> linesInStripe = Set.of();
            String stripeInvoice = invoice.stripeInvoiceId();
            if (stripeInvoice == null) {
                stripeInvoice = createInvoice(stripe, invoice, customer);
            } else {
                // a resumed push: idempotency keys expire after 24 hours, so ask Stripe what is already there
                if (!"draft".equals(stripe.v1().invoices().retrieve(stripeInvoice).getStatus())) {
                    return markFinalized(invoice);
                }
                linesInStripe = linesIn(stripe, stripeInvoice);
            }
            for (InvoiceDetails.Line line : invoice.lines()) {
                if (linesInStripe.contains(line.id().toString())) {
                    continue;
                }
                stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder()
                        .setCustomer(customer).setInvoice(stripeInvoice).setCurrency("usd")
                        .setAmount(line.amountUsd().movePointRight(2).longValueExact())
                        .setDescription(line.description())
                        .putMetadata(LINE_ID, line.id().toString())
                        .build(), key("line-" + line.id()));
            }
            stripe.v1().invoices().finalizeInvoice(stripeInvoice, key("finalize-" + invoice.id()));
            return markFinalized(invoice);
        } catch (StripeException e) {
            log.warn("Stripe push of invoice {} failed: {} (request {})", invoice.id(), e.getCode(), e.getRequestId());
            throw new BillingException(ErrorCode.STRIPE_UNAVAILABLE,
                    "Stripe refused or could not be reached; pushing again is safe");
        }
    }

    /**
     * Voids the Stripe copy of a voided invoice (deletes it if it is still a Stripe draft), so it cannot be paid.
     * A copy already paid in Stripe is left alone and reported: that needs a refund, which is a person's decision.
     *
     * @return whether the copy is gone (voided, deleted, or there was none)
     */
    public boolean voidCopy(UUID invoiceId) {
        if (!properties.enabled()) {
            throw new BillingException(ErrorCode.STRIPE_NOT_CONFIGURED, "Stripe is not configured (STRIPE_API_KEY)");
        }
        record Copy(String status, @Nullable String stripeInvoiceId, boolean voidedThere) {
        }
        Copy copy = jdbc.sql("select status, stripe_invoice_id, stripe_voided_at is not null as voided_there"
                        + " from invoices where id = :id")
                .param("id", invoiceId).query((rs, row) -> new Copy(rs.getString("status"),
                        rs.getString("stripe_invoice_id"), rs.getBoolean("voided_there")))
                .optional().orElseThrow(() -> BillingException.notFound("Invoice " + invoiceId));
        if (!copy.status().equals("VOID") || copy.stripeInvoiceId() == null || copy.voidedThere()) {
            return true;
        }
        StripeClient stripe = client();
        try {
            String status = stripe.v1().invoices().retrieve(copy.stripeInvoiceId()).getStatus();
            switch (status) {
                case "draft" -> stripe.v1().invoices().delete(copy.stripeInvoiceId(), key("delete-" + invoiceId));
                case "open", "uncollectible" ->
                        stripe.v1().invoices().voidInvoice(copy.stripeInvoiceId(), key("void-" + invoiceId));
                case "void" -> {
                }
                default -> {
                    log.error("Invoice {} was voided but its Stripe copy {} is {}: refund it in Stripe by hand",
                            invoiceId, copy.stripeInvoiceId(), status);
                    return false;
                }
            }
        } catch (StripeException e) {
            log.warn("Voiding the Stripe copy of invoice {} failed: {} (request {})", invoiceId, e.getCode(),
                    e.getRequestId());
            throw new BillingException(ErrorCode.STRIPE_UNAVAILABLE,
                    "Stripe refused or could not be reached; voiding again is safe");
        }
        copies.voided(invoiceId);
        return true;
    }

    private StripeClient client() {
        return StripeClient.builder().setApiKey(properties.apiKey()).setApiBase(properties.apiBase())
                .setMaxNetworkRetries(properties.maxNetworkRetries()).build();
    }

    private InvoiceDetails markFinalized(InvoiceDetails invoice) {
        copies.finalized(invoice.id());
        return invoices.find(invoice.id()).orElseThrow();
    }

    /** Our line ids among the items already on a Stripe invoice. */
    private static Set<String> linesIn(StripeClient stripe, String stripeInvoice) throws StripeException {
        Set<String> lineIds = new HashSet<>();
        for (InvoiceItem item : stripe.v1().invoiceItems().list(InvoiceItemListParams.builder()
                .setInvoice(stripeInvoice).setLimit(100L).build()).autoPagingIterable()) {
            if (item.getMetadata() != null && item.getMetadata().containsKey(LINE_ID)) {
                lineIds.add(item.getMetadata().get(LINE_ID));
            }
        }
        return lineIds;
    }

    private String customer(StripeClient stripe, InvoiceDetails invoice) throws StripeException {
        String existing = jdbc.sql("select stripe_customer_id from tenants where id = :id")
                .param("id", invoice.tenantId()).query(String.class).optional().orElse(null);
        if (existing != null) {
            var update = CustomerUpdateParams.builder().setName(invoice.tenantName());
            stripeEmail(invoice).ifPresent(update::setEmail);
            stripe.v1().customers().update(existing, update.build(),
                    key("customer-" + invoice.tenantId() + "-for-" + invoice.id()));
            return existing;
        }
        var create = CustomerCreateParams.builder().setName(invoice.tenantName())
                .putMetadata("tollgate_tenant_id", invoice.tenantId().toString());
        stripeEmail(invoice).ifPresent(create::setEmail);
        String id = stripe.v1().customers().create(create.build(), key("customer-" + invoice.tenantId())).getId();
        jdbc.sql("update tenants set stripe_customer_id = :customer where id = :id and stripe_customer_id is null")
                .param("customer", id).param("id", invoice.tenantId()).update();
        return id;
    }

    /** A Stripe customer holds one address: the tenant's first billing contact. */
    private static Optional<String> stripeEmail(InvoiceDetails invoice) {
        return invoice.billingEmails().stream().findFirst();
    }

    private String createInvoice(StripeClient stripe, InvoiceDetails invoice, String customer) throws StripeException {
        String id = stripe.v1().invoices().create(InvoiceCreateParams.builder()
                .setCustomer(customer).setCurrency("usd").setAutoAdvance(false)
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                .setDaysUntilDue(properties.daysUntilDue())
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
                .putMetadata("tollgate_invoice_id", invoice.id().toString())
                .putMetadata("tollgate_invoice_number", Objects.toString(invoice.number(), ""))
                .build(), key("invoice-" + invoice.id())).getId();
        copies.created(invoice.id(), id);
        return id;
    }

    private static RequestOptions key(String suffix) {
        return RequestOptions.builder().setIdempotencyKey("tollgate-" + suffix).build();
    }
}
