package io.tollgate.portal.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache switch: varying answers can be cached only on top of the cache itself. */
class AppCacheFormTest {

    private final List<AppCacheSettings> saved = new ArrayList<>();

    @Test
    void turning_the_cache_on_saves_it_and_lets_the_admin_add_varying_answers() {
        var form = form(AppCacheSettings.OFF);
        assertThat(form.nondeterministic.isEnabled()).isFalse();

        form.enabled.setValue(true);
        assertThat(form.nondeterministic.isEnabled()).isTrue();
        form.save.click();
        form.nondeterministic.setValue(true);
        form.save.click();

        assertThat(saved).containsExactly(new AppCacheSettings(true, false), new AppCacheSettings(true, true));
    }

    @Test
    void turning_the_cache_off_turns_varying_answers_off_too() {
        var form = form(new AppCacheSettings(true, true));
        assertThat(form.nondeterministic.getValue()).isTrue();

        form.enabled.setValue(false);
        form.save.click();

        assertThat(form.nondeterministic.getValue()).isFalse();
        assertThat(form.nondeterministic.isEnabled()).isFalse();
        assertThat(saved).containsExactly(AppCacheSettings.OFF);
    }

    @Test
    void varying_answers_alone_mean_no_cache() {
        assertThat(new AppCacheSettings(false, true)).isEqualTo(AppCacheSettings.OFF);
        assertThat(AppCacheSettings.OFF.label()).isEqualTo("Off");
        assertThat(new AppCacheSettings(true, true).label()).isEqualTo("On, any request");
    }

    private AppCacheForm form(AppCacheSettings initial) {
        var form = new AppCacheForm(initial);
        form.addSaveListener(save -> saved.add(save.settings()));
        return form;
    }
}
