package org.qrtrace.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A service's OpenAPI document ({@code /q/openapi}) is one a client can be generated from: the properties Stoplight
 * Spectral's {@code spectral:oas} ruleset checks (docs/architecture.md, "API", says how to run Spectral itself), held
 * here without Node. Info has a description and a contact, and servers are declared; every operation has a unique
 * camelCase operationId, a summary, a description, a declared tag and a success response; path parameters match the
 * path's template; every security requirement names a defined scheme; and what the document says is protected is
 * what the service protects. Each service runs it as a {@code @QuarkusTest} subclass; a failure lists every fault.
 */
public abstract class OpenApiContract {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern SUCCESS = Pattern.compile("[23](\\d\\d|XX)");
    private static final String SOME_UUID = "3f1c2b8e-0000-4000-8000-00000000abcd";

    private Map<String, Object> document;

    @BeforeEach
    void fetchDocument() {
        document = given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    @Test
    void infoHasTitleVersionDescriptionAndContact() {
        Map<String, Object> info = map(document.get("info"));
        List<String> faults = new ArrayList<>();
        for (String field : List.of("title", "version", "description")) {
            if (blank(info.get(field))) {
                faults.add("info." + field + " is missing or blank");
            }
        }
        if (!(info.get("contact") instanceof Map<?, ?>)) {
            faults.add("info.contact is missing");
        }
        assertNone(faults);
    }

    @Test
    void serversAreDeclaredWithoutTrailingSlash() {
        List<Object> servers = list(document.get("servers"));
        List<String> faults = new ArrayList<>();
        if (servers.isEmpty()) {
            faults.add("no servers");
        }
        for (Object server : servers) {
            Object url = map(server).get("url");
            if (blank(url)) {
                faults.add("a server without a url");
            } else if (((String) url).length() > 1 && ((String) url).endsWith("/")) {
                faults.add("server url '" + url + "' ends with a slash");
            }
        }
        assertNone(faults);
    }

    @Test
    void everyOperationHasAUniqueCamelCaseIdASummaryAndADescription() {
        Map<String, String> seen = new HashMap<>();
        List<String> faults = new ArrayList<>();
        forEachOperation((name, operation) -> {
            Object id = operation.get("operationId");
            if (blank(id)) {
                faults.add(name + ": no operationId");
            } else if (!CAMEL_CASE.matcher((String) id).matches()) {
                faults.add(name + ": operationId '" + id + "' is not camelCase");
            } else if (seen.putIfAbsent((String) id, name) != null) {
                faults.add(name + ": operationId '" + id + "' is also " + seen.get(id));
            }
            if (blank(operation.get("summary"))) {
                faults.add(name + ": no summary");
            }
            if (blank(operation.get("description"))) {
                faults.add(name + ": no description");
            }
        });
        assertNone(faults);
    }

    @Test
    void everyOperationIsTaggedWithADeclaredAndDescribedTag() {
        List<String> faults = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (Object entry : list(document.get("tags"))) {
            Map<String, Object> tag = map(entry);
            if (!declared.add(String.valueOf(tag.get("name")))) {
                faults.add("tag '" + tag.get("name") + "' is declared twice");
            }
            if (blank(tag.get("description"))) {
                faults.add("tag '" + tag.get("name") + "' has no description");
            }
        }
        forEachOperation((name, operation) -> {
            List<Object> tags = list(operation.get("tags"));
            if (tags.isEmpty()) {
                faults.add(name + ": no tag");
            }
            for (Object tag : tags) {
                if (!declared.contains(String.valueOf(tag))) {
                    faults.add(name + ": tag '" + tag + "' is not declared in the top-level tags");
                }
            }
        });
        assertNone(faults);
    }

    @Test
    void everySecurityRequirementNamesADefinedSchemeWithoutUndefinedScopes() {
        Map<String, Object> schemes = map(map(document.get("components")).get("securitySchemes"));
        List<String> faults = new ArrayList<>();
        checkRequirements("the document", document.get("security"), schemes, faults);
        forEachOperation((name, operation) -> checkRequirements(name, operation.get("security"), schemes, faults));
        assertNone(faults);
    }

    @Test
    void everyOperationHasASuccessResponse() {
        List<String> faults = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (map(operation.get("responses")).keySet().stream().noneMatch(code -> SUCCESS.matcher(code).matches())) {
                faults.add(name + ": no 2xx or 3xx response");
            }
        });
        assertNone(faults);
    }

    @Test
    void pathParametersMatchThePathTemplate() {
        List<String> faults = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            String template = path.getKey();
            if (template.length() > 1 && template.endsWith("/")) {
                faults.add(template + ": trailing slash");
            }
            if (template.contains("?")) {
                faults.add(template + ": query string in the path");
            }
            Set<String> inTemplate = new HashSet<>();
            Matcher m = TEMPLATE.matcher(template);
            while (m.find()) {
                if (!inTemplate.add(m.group(1))) {
                    faults.add(template + ": '" + m.group(1) + "' appears twice");
                }
            }
            Map<String, Object> item = map(path.getValue());
            List<Object> shared = list(item.get("parameters"));
            for (Map.Entry<String, Object> op : item.entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + template;
                Map<String, Object> operation = map(op.getValue());
                Map<String, Map<String, Object>> params = new LinkedHashMap<>();
                for (Object p : list(operation.get("parameters"))) {
                    Map<String, Object> param = map(p);
                    if (params.put(param.get("in") + ":" + param.get("name"), param) != null) {
                        faults.add(name + ": parameter '" + param.get("name") + "' in " + param.get("in") + " twice");
                    }
                }
                for (Object p : shared) { // path-level parameters, unless the operation overrides them
                    Map<String, Object> param = map(p);
                    params.putIfAbsent(param.get("in") + ":" + param.get("name"), param);
                }
                Set<String> defined = new HashSet<>();
                for (Map<String, Object> param : params.values()) {
                    if (!"path".equals(param.get("in"))) {
                        continue;
                    }
                    defined.add(String.valueOf(param.get("name")));
                    if (!inTemplate.contains(String.valueOf(param.get("name")))) {
                        faults.add(name + ": path parameter '" + param.get("name") + "' is not in the path");
                    }
                    if (!Boolean.TRUE.equals(param.get("required"))) {
                        faults.add(name + ": path parameter '" + param.get("name") + "' is not required");
                    }
                }
                for (String variable : inTemplate) {
                    if (!defined.contains(variable)) {
                        faults.add(name + ": '{" + variable + "}' has no path parameter");
                    }
                }
            }
        }
        assertNone(faults);
    }

    /**
     * Security is declared on each resource ({@code @SecurityRequirement}), apart from the roles that enforce it: an
     * operation the document shows as protected must refuse a request without a token (401), and one it shows as open
     * must not. The requests carry no token, a placeholder id and an empty body ({} for JSON), so none of today's operations gets as
     * far as changing data.
     */
    @Test
    void documentedSecurityIsWhatTheServiceEnforces() {
        boolean securedByDefault = !list(document.get("security")).isEmpty();
        List<String> faults = new ArrayList<>();
        for (Op op : operations()) {
            Map<String, Object> operation = op.operation();
            boolean secured = operation.containsKey("security") ? !list(operation.get("security")).isEmpty() : securedByDefault;
            int status = requestWithoutToken(op);
            if (secured && status != 401) {
                faults.add(op.name() + ": documented as protected, but answers " + status + " without a token");
            } else if (!secured && status == 401) {
                faults.add(op.name() + ": answers 401 without a token, but the document names no security requirement");
            }
        }
        assertNone(faults);
    }

    private int requestWithoutToken(Op op) {
        Map<String, String> uuids = new HashMap<>();
        for (Object p : op.parameters()) {
            Map<String, Object> param = map(p);
            if ("path".equals(param.get("in")) && "uuid".equals(map(param.get("schema")).get("format"))) {
                uuids.put(String.valueOf(param.get("name")), SOME_UUID);
            }
        }
        String path = TEMPLATE.matcher(op.path()).replaceAll(m -> uuids.getOrDefault(m.group(1), "x"));
        RequestSpecification request = given().redirects().follow(false);
        Map<String, Object> content = map(map(op.operation().get("requestBody")).get("content"));
        if (!content.isEmpty()) {
            String type = content.keySet().iterator().next();
            request = request.contentType(type).body(type.contains("json") ? "{}" : "");
        }
        return request.when().request(op.method(), path).then().extract().statusCode();
    }

    private void checkRequirements(String where, Object requirements, Map<String, Object> schemes, List<String> faults) {
        for (Object r : list(requirements)) {
            for (Map.Entry<String, Object> requirement : map(r).entrySet()) {
                Object scheme = schemes.get(requirement.getKey());
                if (scheme == null) {
                    faults.add(where + ": security scheme '" + requirement.getKey() + "' is not in components.securitySchemes "
                            + schemes.keySet());
                    continue;
                }
                Set<Object> scopes = new HashSet<>();
                for (Object flow : map(map(scheme).get("flows")).values()) {
                    scopes.addAll(map(map(flow).get("scopes")).keySet());
                }
                for (Object scope : list(requirement.getValue())) {
                    if (!scopes.contains(scope)) {
                        faults.add(where + ": '" + scope + "' is not a scope of the scheme '" + requirement.getKey() + "'");
                    }
                }
            }
        }
    }

    private void forEachOperation(BiConsumer<String, Map<String, Object>> check) {
        operations().forEach(op -> check.accept(op.name(), op.operation()));
    }

    private List<Op> operations() {
        Map<String, Object> paths = map(document.get("paths"));
        assertTrue(!paths.isEmpty(), "the document lists no paths");
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> item = map(path.getValue());
            for (Map.Entry<String, Object> op : item.entrySet()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(new Op(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), map(op.getValue()), item));
                }
            }
        }
        return operations;
    }

    /** One operation, with the path item it is in (whose parameters it shares). */
    private record Op(String method, String path, Map<String, Object> operation, Map<String, Object> item) {
        String name() {
            return method + " " + path;
        }

        List<Object> parameters() {
            List<Object> all = new ArrayList<>(list(operation.get("parameters")));
            all.addAll(list(item.get("parameters")));
            return all;
        }
    }

    private static void assertNone(List<String> faults) {
        if (!faults.isEmpty()) {
            fail(faults.size() + " fault(s) in /q/openapi:\n  " + String.join("\n  ", faults));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static boolean blank(Object value) {
        return !(value instanceof String s) || s.isBlank();
    }
}
