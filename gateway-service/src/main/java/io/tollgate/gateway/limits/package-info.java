/**
 * Rate and concurrency limits per plan tier and subscription (Bucket4j, local or Redis), and their response headers.
 */
@NullMarked
package io.tollgate.gateway.limits;

import org.jspecify.annotations.NullMarked;
