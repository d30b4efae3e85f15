/** Self-service tenant sign-up with e-mail confirmation. */
@NullMarked
package io.tollgate.portal.signup;

import org.jspecify.annotations.NullMarked;
