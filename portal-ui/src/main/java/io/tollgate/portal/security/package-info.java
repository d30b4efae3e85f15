/** Sign-in (password and single sign-on), the signed-in user, role names and the first administrator. */
@NullMarked
package io.tollgate.portal.security;

import org.jspecify.annotations.NullMarked;
