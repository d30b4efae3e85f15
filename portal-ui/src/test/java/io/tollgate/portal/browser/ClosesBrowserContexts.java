package io.tollgate.portal.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Closes the browser contexts a test opened once it ends (see {@link Browser#closeContexts()}). */
public final class ClosesBrowserContexts implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        Browser.closeContexts();
    }
}
