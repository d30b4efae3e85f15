/** Reading a request body once with a streaming parser, and the policy that validates it. */
@NullMarked
package io.tollgate.gateway.request;

import org.jspecify.annotations.NullMarked;
