package io.tollgate.portal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webhook form offers only the events Tollgate sends and saves only a usable URL with at least one of them. */
class WebhookFormTest {

    private final List<WebhookDraft> saved = new ArrayList<>();

    @Test
    void a_new_webhook_starts_with_every_sent_event_and_saves_an_https_url() {
        var form = form();
        assertThat(form.events.getListDataView().getItems()).containsExactly("budget.threshold");
        assertThat(form.events.getValue()).containsExactly("budget.threshold");

        form.url.setValue("https://hooks.example.com/tollgate");
        form.save.click();

        assertThat(saved).containsExactly(new WebhookDraft("https://hooks.example.com/tollgate",
                Set.of("budget.threshold")));
    }

    @Test
    void plain_http_elsewhere_than_localhost_or_no_event_is_not_saved() {
        var form = form();
        form.url.setValue("http://hooks.example.com/tollgate");
        form.save.click();
        assertThat(form.url.isInvalid()).isTrue();
        assertThat(form.url.getErrorMessage()).contains("https");

        form.url.setValue("http://localhost:9000/hook");
        form.events.clear();
        form.save.click();
        assertThat(form.events.isInvalid()).isTrue();

        assertThat(saved).isEmpty();
    }

    private WebhookForm form() {
        var form = new WebhookForm(WebhookDraft.empty());
        form.addSaveListener(save -> saved.add(save.draft()));
        return form;
    }
}
