/** Outgoing mail and the links it carries (sign-up confirmations, invitations). */
@NullMarked
package io.tollgate.portal.mail;

import org.jspecify.annotations.NullMarked;
