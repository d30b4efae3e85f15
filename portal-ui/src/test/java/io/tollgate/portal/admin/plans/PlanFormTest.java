package io.tollgate.portal.admin.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The plan form edits the price of an answer from the gateway's response cache beside the limits. */
class PlanFormTest {

    private final List<PlanForm.SaveEvent> saved = new ArrayList<>();

    @Test
    void a_cache_hit_price_is_saved_exactly_and_a_negative_or_too_precise_one_is_refused() {
        PlanForm form = new PlanForm(new PlanDraft("Team", 60, null, null, null, null, null, BigDecimal.ZERO,
                BigDecimal.ZERO));
        form.addSaveListener(saved::add);
        BigDecimalField price = field(form, BigDecimalField.class, "plan-cache-hit-price");
        assertThat(price.getValue()).as("free by default").isEqualByComparingTo("0");

        price.setValue(new BigDecimal("-0.5"));
        save(form);
        price.setValue(new BigDecimal("0.0000000001"));
        save(form);
        assertThat(saved).as("negative, then 10 decimals").isEmpty();
        assertThat(price.isInvalid()).isTrue();

        price.setValue(new BigDecimal("0.123456789"));
        save(form);
        assertThat(saved).singleElement().satisfies(save -> assertThat(save.draft().cacheHitPerMillion())
                .isEqualTo(new BigDecimal("0.123456789")));
    }

    @Test
    void the_service_refuses_what_the_form_refuses() {
        var draft = new PlanDraft("Team", null, null, null, null, null, null, BigDecimal.ZERO, new BigDecimal("-1"));

        assertThat(draft.problem()).startsWith("Cache hit price");
        assertThat(new PlanDraft("Team", null, null, null, null, null, null, BigDecimal.ZERO, new BigDecimal("2.5"))
                .problem()).isNull();
    }

    private static void save(PlanForm form) {
        all(form).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getId().filter("plan-save"::equals).isPresent()).findFirst().orElseThrow()
                .click();
    }

    private static <T extends Component> T field(Component root, Class<T> type, String id) {
        return all(root).filter(type::isInstance).map(type::cast)
                .filter(component -> component.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(PlanFormTest::all));
    }
}
