package io.tollgate.portal.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tollgate.portal.support.Mailbox;
import java.net.URI;

/** What a person does in the portal, in the words of the journey. */
public final class Steps {

    private final Page page;

    public Steps(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    public void signUp(String organisation, String name, String email, String password) {
        page.navigate("/signup");
        page.locator("#signup-organisation input").fill(organisation);
        page.locator("#signup-name input").fill(name);
        page.locator("#signup-email input").fill(email);
        page.locator("#signup-password input").fill(password);
        page.locator("#signup-submit").click();
        page.locator("#signup-sent").waitFor();
        page.navigate(Mailbox.linkPath(email, "signup/confirm"));
        page.locator("#confirm-password input").fill(password);
        page.locator("#confirm-submit").click();
        page.locator("#signed-up").waitFor();
    }

    public void signIn(String email, String password) {
        page.navigate("/login");
        fillSignIn(email, password);
        page.locator("#sign-out").waitFor();
    }

    /** Fills and sends the sign-in form already on the page (as after a redirect to it). */
    public void fillSignIn(String email, String password) {
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form input[name=password]").press("Enter");
    }

    public void signOut() {
        page.locator("#sign-out").click();
        page.locator("vaadin-login-form").waitFor();
    }

    /**
     * Opens the path as a person would: within the portal by following a link to it, which the portal answers
     * without loading the page again; the page it is on, or the first one, by loading it. A load costs the browser
     * about six times the CPU of a link (0.59 against 0.10 CPU-seconds, measured), and the tests make many.
     */
    public void go(String path) {
        boolean followed = (boolean) page.evaluate("""
                path => {
                  if (!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
                      || location.pathname + location.search === path) {
                    return false;
                  }
                  const link = document.createElement('a');
                  link.href = path;
                  link.setAttribute('router-link', '');
                  document.body.appendChild(link);
                  link.click();
                  link.remove();
                  return true;
                }""", path);
        if (followed) {
            // the address changes once the server has answered and the new view is on the page
            page.waitForURL(url -> pathAndQuery(url).equals(path));
        } else {
            page.navigate(path);
        }
        settle();
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Waits until the page's Vaadin client has no server round trip in flight. */
    public void settle() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())");
    }

    public void click(String text) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text)).first().click();
    }

    public void fill(String selector, String value) {
        page.locator(selector + " input, " + selector + " textarea").first().fill(value);
    }
}
