/** Alert webhooks a tenant registers: the signing secret shown once, test deliveries, recent deliveries. */
@NullMarked
package io.tollgate.portal.webhooks;

import org.jspecify.annotations.NullMarked;
