/** Who is calling: API keys looked up in the snapshot, checked first in the policy chain. */
@NullMarked
package io.tollgate.gateway.auth;

import org.jspecify.annotations.NullMarked;
