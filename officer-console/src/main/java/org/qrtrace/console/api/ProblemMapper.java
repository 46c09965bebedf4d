package org.qrtrace.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.ArrayList;
import java.util.List;

/** Turns a service's 4xx/5xx answer (problem+json or anything else) into a {@link ServiceProblem}. */
public class ProblemMapper implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceProblem toThrowable(Response response) {
        return parse(response.getStatus(), readBody(response));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static String readBody(Response response) {
        try {
            response.bufferEntity();
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Reads a problem document; a body that is not one keeps only the status. */
    public static ServiceProblem parse(int status, String body) {
        String title = null;
        String detail = null;
        List<ServiceProblem.FieldProblem> errors = new ArrayList<>();
        if (body != null && body.trim().startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(body);
                title = text(node, "title");
                detail = text(node, "detail");
                for (JsonNode e : node.path("errors")) {
                    errors.add(new ServiceProblem.FieldProblem(text(e, "field"), text(e, "message")));
                }
            } catch (Exception ignored) {
                // not a problem document: the status alone is shown
            }
        }
        return new ServiceProblem(status, title, detail, errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
