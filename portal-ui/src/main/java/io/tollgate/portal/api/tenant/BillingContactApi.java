package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.billingcontact.BillingContact;
import io.tollgate.portal.billingcontact.BillingContactService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's billing e-mail, through {@link BillingContactService} as on the Webhooks and Invoices screens. */
@RestController
@RequestMapping("/api/v1/billing-contact")
@Tag(name = "Billing contact", description = "Where budget alert e-mails go and what invoices name "
        + "(tenant ADMIN and BILLING)")
class BillingContactApi {

    /** billing_email is absent (null) when there is none; version is the ETag's number. */
    record Contact(@Nullable String billingEmail, long version) {

        static Contact of(BillingContact contact) {
            return new Contact(contact.email(), contact.version());
        }
    }

    /** An absent or empty billing_email removes the address. */
    record ContactRequest(@Nullable String billingEmail) {
    }

    private final BillingContactService contacts;

    BillingContactApi(BillingContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    ResponseEntity<Contact> get() {
        return answer(contacts.contact());
    }

    @PutMapping
    ResponseEntity<Contact> update(@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                   @RequestBody ContactRequest request) {
        contacts.changeBillingEmail(Versions.ifMatch(ifMatch), request.billingEmail());
        return answer(contacts.contact());
    }

    private static ResponseEntity<Contact> answer(BillingContact contact) {
        return ResponseEntity.ok().eTag(Versions.etag(contact.version())).body(Contact.of(contact));
    }
}
