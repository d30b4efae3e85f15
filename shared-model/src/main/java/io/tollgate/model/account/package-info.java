/** Role names and the sign-in lockout rule every service shares. */
@NullMarked
package io.tollgate.model.account;

import org.jspecify.annotations.NullMarked;
