/** Reading a request body once, from its bytes ({@code json}), and the policy that validates it. */
@NullMarked
package io.tollgate.gateway.request;

import org.jspecify.annotations.NullMarked;
