package io.tollgate.portal.billingcontact;

import java.util.List;

/** The tenant's billing contacts in the order they were added, with the tenant's version that a change can name. */
public record BillingContacts(List<BillingContact> contacts, long version) {

    public BillingContacts {
        contacts = List.copyOf(contacts);
    }

    public boolean full() {
        return contacts.size() >= BillingContactService.MOST_CONTACTS;
    }
}
