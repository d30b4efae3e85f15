/** Encryption of provider credentials under rotating master keys, and the secrets' Spring wiring. */
@NullMarked
package io.tollgate.model.crypto;

import org.jspecify.annotations.NullMarked;
