package bookbot.gateway.form;

import java.util.List;

/** The settings the gateway ships with, for unit tests. */
public final class FormSamples {

    public static final List<FormSettings.CategoryGroup> TAXONOMY = List.of(
            new FormSettings.CategoryGroup("경영/경제", List.of("경영일반", "재테크/금융/부동산")),
            new FormSettings.CategoryGroup("인문/사회", List.of("사회일반", "역사/문학")),
            new FormSettings.CategoryGroup("소설", List.of("고전", "역사", "SF")),
            new FormSettings.CategoryGroup("건강/취미", List.of("기타")),
            new FormSettings.CategoryGroup("종교", List.of("기타")));

    public static final List<String> STORES = List.of("ridibooks.com", "yes24.com", "kyobobook.co.kr", "aladin.co.kr");

    private FormSamples() {
    }

    public static FormSettings settings(List<String> stores) {
        return new FormSettings(stores, 2000, 200, TAXONOMY, null);
    }

    public static FormValidator validator() {
        return validator(STORES);
    }

    public static FormValidator validator(List<String> stores) {
        FormSettings settings = settings(stores);
        return new FormValidator(settings, new Taxonomy(settings.categories()));
    }
}
