/** A tenant's requests for model subscriptions and their state. */
@NullMarked
package io.tollgate.portal.subscriptions;

import org.jspecify.annotations.NullMarked;
