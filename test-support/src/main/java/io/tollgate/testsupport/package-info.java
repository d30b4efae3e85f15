/** What the services' tests share: PostgreSQL for tests, fakes of outside services, clocks, architecture rules. */
@NullMarked
package io.tollgate.testsupport;

import org.jspecify.annotations.NullMarked;
