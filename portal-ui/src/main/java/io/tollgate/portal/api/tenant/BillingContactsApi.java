package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.billingcontact.BillingContact;
import io.tollgate.portal.billingcontact.BillingContactService;
import io.tollgate.portal.billingcontact.BillingContacts;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's billing e-mail contacts, through {@link BillingContactService} as on the Webhooks and Invoices
 * screens. The list has one ETag (the tenant's version); adding and removing answer the new one in theirs and, when
 * sent an If-Match, refuse a change on a list changed meanwhile (412).
 */
@RestController
@RequestMapping("/api/v1/billing-contacts")
@Tag(name = "Billing contacts", description = "Where budget alert e-mails go and what invoices name, at most "
        + BillingContactService.MOST_CONTACTS + " (tenant ADMIN and BILLING)")
class BillingContactsApi {

    record Contact(UUID id, String email, Instant createdAt) {

        static Contact of(BillingContact contact) {
            return new Contact(contact.id(), contact.email(), contact.createdAt());
        }
    }

    /** contacts in the order they were added; maximum: how many a tenant can have. */
    record ContactList(List<Contact> contacts, int maximum) {
    }

    record ContactRequest(@Nullable String email) {
    }

    private final BillingContactService contacts;

    BillingContactsApi(BillingContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    ResponseEntity<ContactList> list() {
        BillingContacts current = contacts.contacts();
        return ResponseEntity.ok().eTag(Versions.etag(current.version())).body(
                new ContactList(current.contacts().stream().map(Contact::of).toList(),
                        BillingContactService.MOST_CONTACTS));
    }

    /** 409 when the address is already a contact or the list is full. */
    @PostMapping
    ResponseEntity<Contact> add(@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                @RequestBody ContactRequest request) {
        Contact added = Contact.of(contacts.add(expected(ifMatch), request.email() == null ? "" : request.email()));
        return ResponseEntity.created(URI.create("/api/v1/billing-contacts/" + added.id()))
                .eTag(Versions.etag(contacts.contacts().version())).body(added);
    }

    @DeleteMapping("/{contactId}")
    ResponseEntity<Void> remove(@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                @PathVariable UUID contactId) {
        contacts.remove(expected(ifMatch), contactId);
        return ResponseEntity.noContent().eTag(Versions.etag(contacts.contacts().version())).build();
    }

    private static OptionalLong expected(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? OptionalLong.empty() : OptionalLong.of(Versions.ifMatch(ifMatch));
    }
}
