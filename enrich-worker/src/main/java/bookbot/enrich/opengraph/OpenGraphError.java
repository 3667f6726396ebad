package bookbot.enrich.opengraph;

import tools.jackson.databind.JsonNode;

/**
 * An error answer from OpenGraph.io, in either shape seen from it:
 * {@code {"error":true,"message":"Invalid App ID","code":"INVALID_APP_ID"}} or
 * {@code {"error":{"code":102,"message":"…"}}}.
 */
record OpenGraphError(String code, String message) {

    /** @return the error, or null when the body is not an OpenGraph.io error */
    static OpenGraphError from(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("error")) {
            return null;
        }
        JsonNode error = body.get("error");
        if (error.isObject()) {
            return new OpenGraphError(error.path("code").asString(""), error.path("message").asString(""));
        }
        return new OpenGraphError(body.path("code").asString(""), body.path("message").asString(""));
    }

    @Override
    public String toString() {
        return message + (code.isEmpty() ? "" : " (" + code + ")");
    }
}
