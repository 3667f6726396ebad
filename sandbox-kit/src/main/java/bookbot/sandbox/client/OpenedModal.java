package bookbot.sandbox.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A modal the app opened with views.open, as the sandbox kept it: what the member sees (title, labels, the values
 * filled in for them) and what a submission of it must carry ({@link #asForm()}).
 */
public record OpenedModal(String viewId, String triggerId, Map<String, Object> view) {

    @SuppressWarnings("unchecked")
    static OpenedModal of(Map<String, Object> opened) {
        return new OpenedModal((String) opened.get("viewId"), (String) opened.get("triggerId"),
                (Map<String, Object>) opened.get("view"));
    }

    public String callbackId() {
        return (String) view.get("callback_id");
    }

    public String privateMetadata() {
        return (String) view.get("private_metadata");
    }

    public String title() {
        return text(view.get("title"));
    }

    public List<String> blockIds() {
        return blocks().stream().map(b -> (String) b.get("block_id")).toList();
    }

    public String label(String blockId) {
        return text(block(blockId).get("label"));
    }

    /**
     * The value the form shows in a field before the member types: a text input's {@code initial_value}, a
     * select's {@code initial_option} value, a conversation select's {@code initial_conversation}; null for none.
     */
    @SuppressWarnings("unchecked")
    public String initialValue(String blockId) {
        Map<String, Object> element = (Map<String, Object>) block(blockId).get("element");
        if (element.get("initial_option") instanceof Map<?, ?> option) {
            return (String) option.get("value");
        }
        if (element.containsKey("initial_conversation")) {
            return (String) element.get("initial_conversation");
        }
        return (String) element.get("initial_value");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> element(String blockId) {
        return (Map<String, Object>) block(blockId).get("element");
    }

    public SlackMember.OpenedForm asForm() {
        return new SlackMember.OpenedForm(viewId, callbackId(), privateMetadata());
    }

    private Map<String, Object> block(String blockId) {
        return blocks().stream().filter(b -> Objects.equals(blockId, b.get("block_id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no block " + blockId + " in " + blockIds()));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> blocks() {
        return (List<Map<String, Object>>) view.getOrDefault("blocks", List.of());
    }

    @SuppressWarnings("unchecked")
    private static String text(Object textObject) {
        return textObject instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("text") : null;
    }
}
