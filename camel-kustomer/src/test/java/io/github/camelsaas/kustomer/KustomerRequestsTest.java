package io.github.camelsaas.kustomer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact requests per resource and operation: method, path (as Kustomer documents it), body and headers. */
class KustomerRequestsTest extends CamelTestSupport {

    private static final String KEY = "test-key-6b1f9a4c2d";
    private static final String ID = "5f1e2d3c4b5a697887a6b5c4";
    private static final String CUSTOMER = "6a1e2d3c4b5a697887a6b5c4";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            // extension scanning: the project's OpenAPI checks (camel-saas-spec-check) see every request
            .options(wireMockConfig().dynamicPort().extensionScanningEnabled(true)).build();

    @BeforeEach
    void answerEveryCall() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("x-ratelimit-remaining", "299")
                .withBody("{\"data\":{\"type\":\"kobject.order\",\"id\":\"" + ID + "\",\"attributes\":{\"rev\":1}},"
                        + "\"links\":{\"next\":\"/v1/klasses/order?page=3\"}}")));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        KustomerComponent component = new KustomerComponent();
        component.getConfiguration().setApiKey(KEY);
        component.getConfiguration().setBaseUrl(server.baseUrl());
        camelContext.addComponent("kustomer", component);
        return camelContext;
    }

    @Test
    void kobjectCreateLinkedToACustomerUsesTheCustomerScopedPath() {
        Exchange exchange = send("kustomer:kobjects?klass=order", Map.of("title", "Order 1"),
                Map.of(KustomerConstants.CUSTOMER_ID, CUSTOMER));

        assertThat(exchange.getException()).isNull();
        verify("POST", "/v1/customers/" + CUSTOMER + "/klasses/order", "{\"title\":\"Order 1\"}");
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("id", ID);
        assertThat(exchange.getMessage().getHeader(KustomerConstants.ID)).isEqualTo(ID);
        assertThat(exchange.getMessage().getHeader(KustomerConstants.RATE_LIMIT_REMAINING)).isEqualTo(299);
    }

    @Test
    void kobjectCreateTakesTheCustomerFromTheRecordOrGoesToTheKlass() {
        send("kustomer:kobjects?klass=order", Map.of("title", "A", "customer", CUSTOMER));
        verify("POST", "/v1/customers/" + CUSTOMER + "/klasses/order", "{\"title\":\"A\",\"customer\":\"" + CUSTOMER
                + "\"}");
        send("kustomer:kobjects?klass=order", "{\"title\":\"B\"}");
        verify("POST", "/v1/klasses/order", "{\"title\":\"B\"}");
    }

    @Test
    void kobjectReadsUpdatesAndDeletesUseTheDocumentedPaths() {
        send("kustomer:kobjects?klass=order&operation=update", Map.of("title", "New", "rev", 1),
                Map.of(KustomerConstants.ID, ID));
        verify("PUT", "/v1/klasses/order/" + ID, "{\"title\":\"New\",\"rev\":1}");

        send("kustomer:kobjects?klass=order&operation=get", null, Map.of(KustomerConstants.ID, ID));
        verify("GET", "/v1/klasses/order/" + ID, null);

        // the literal externalId= segment; a slash in the value cannot change the path
        Exchange byExternalId = send("kustomer:kobjects?klass=order&operation=getByExternalId", null,
                Map.of(KustomerConstants.EXTERNAL_ID, "erp/42 a"));
        verify("GET", "/v1/klasses/order/externalId=erp%2F42%20a", null);
        assertThat(byExternalId.getMessage().getBody(Map.class)).containsEntry("id", ID);

        send("kustomer:kobjects?klass=order&operation=delete", null, Map.of(KustomerConstants.ID, ID));
        verify("DELETE", "/v1/klasses/order/" + ID, null);

        // GET /v1/klasses/{name} declares no page or pageSize: a next page is read through its link
        Exchange page = send("kustomer:kobjects?klass=order&operation=list", null,
                Map.of(KustomerConstants.NEXT_PAGE_LINK, "/v1/klasses/order?page=2&pageSize=50"));
        verify("GET", "/v1/klasses/order?page=2&pageSize=50", null);
        assertThat(page.getMessage().getHeader(KustomerConstants.NEXT_PAGE_LINK)).isEqualTo("/v1/klasses/order?page=3");
    }

    @Test
    void customerOperations() {
        send("kustomer:customers", Map.of("name", "Ada", "externalId", "c-1"));
        verify("POST", "/v1/customers", "{\"name\":\"Ada\",\"externalId\":\"c-1\"}");
        send("kustomer:customers?operation=update", Map.of("name", "Ada L."), Map.of(KustomerConstants.ID, ID));
        verify("PATCH", "/v1/customers/" + ID, "{\"name\":\"Ada L.\"}");
        send("kustomer:customers?operation=getByEmail", null, Map.of(KustomerConstants.EMAIL, "ada@example.com"));
        verify("GET", "/v1/customers/email=ada@example.com", null);
        send("kustomer:customers?operation=getByExternalId", "c-1");
        verify("GET", "/v1/customers/externalId=c-1", null);
        send("kustomer:customers?operation=get", null, Map.of(KustomerConstants.ID, ID));
        verify("GET", "/v1/customers/" + ID, null);
        send("kustomer:customers?operation=delete", null, Map.of(KustomerConstants.ID, ID));
        verify("DELETE", "/v1/customers/" + ID, null);
    }

    @Test
    void companyConversationMessageAndNoteOperations() {
        send("kustomer:companies", Map.of("name", "Acme"));
        verify("POST", "/v1/companies", "{\"name\":\"Acme\"}");
        send("kustomer:companies?operation=update", Map.of("name", "Acme Inc", "id", ID));
        verify("PUT", "/v1/companies/" + ID, "{\"name\":\"Acme Inc\"}");
        send("kustomer:companies?operation=get", null, Map.of(KustomerConstants.ID, ID));
        verify("GET", "/v1/companies/" + ID, null);

        send("kustomer:conversations", Map.of("name", "Help"), Map.of(KustomerConstants.CUSTOMER_ID, CUSTOMER));
        verify("POST", "/v1/customers/" + CUSTOMER + "/conversations", "{\"name\":\"Help\"}");
        send("kustomer:conversations", Map.of("name", "Help again", "customer", CUSTOMER));
        verify("POST", "/v1/customers/" + CUSTOMER + "/conversations", "{\"name\":\"Help again\"}");
        send("kustomer:conversations?operation=update", Map.of("status", "done"), Map.of(KustomerConstants.ID, ID));
        verify("PATCH", "/v1/conversations/" + ID, "{\"status\":\"done\"}");
        send("kustomer:conversations?operation=getByExternalId", null, Map.of(KustomerConstants.EXTERNAL_ID, "t-9"));
        verify("GET", "/v1/conversations/externalId=t-9", null);

        send("kustomer:messages", Map.of("channel", "email", "app", "gmail", "direction", "in"),
                Map.of(KustomerConstants.CUSTOMER_ID, CUSTOMER));
        verify("POST", "/v1/customers/" + CUSTOMER + "/messages",
                "{\"channel\":\"email\",\"app\":\"gmail\",\"direction\":\"in\"}");
        // the customer goes into the path and out of the body, whose schema has no customer
        send("kustomer:messages", Map.of("channel", "sms", "app", "twilio", "direction", "out", "customer", CUSTOMER),
                Map.of());
        verify("POST", "/v1/customers/" + CUSTOMER + "/messages",
                "{\"channel\":\"sms\",\"app\":\"twilio\",\"direction\":\"out\"}");
        // a message of a conversation goes to the conversation's path
        send("kustomer:messages", Map.of("channel", "chat", "app", "chat", "conversation", ID), Map.of());
        verify("POST", "/v1/conversations/" + ID + "/messages", "{\"channel\":\"chat\",\"app\":\"chat\"}");
        send("kustomer:messages?operation=get", null, Map.of(KustomerConstants.ID, ID));
        verify("GET", "/v1/messages/" + ID, null);

        // a note of a conversation goes to the conversation's path (POST /v1/notes has no conversation member)
        send("kustomer:notes", Map.of("body", "Called back", "conversation", ID),
                Map.of(KustomerConstants.CUSTOMER_ID, CUSTOMER));
        verify("POST", "/v1/conversations/" + ID + "/notes", "{\"body\":\"Called back\"}");
        send("kustomer:notes", Map.of("body", "No conversation"));
        verify("POST", "/v1/notes", "{\"body\":\"No conversation\"}");
        send("kustomer:notes?operation=get", null, Map.of(KustomerConstants.ID, ID));
        verify("GET", "/v1/notes/" + ID, null);
    }

    @Test
    void listBodiesGoToTheBulkEndpointsWithTheHeadersCustomerInEachItem() {
        Exchange created = send("kustomer:kobjects?klass=order",
                List.of(Map.of("title", "A"), Map.of("title", "B", "customer", ID)),
                Map.of(KustomerConstants.CUSTOMER_ID, CUSTOMER));
        verify("POST", "/v1/klasses/order/bulk", "[{\"title\":\"A\",\"customer\":\"" + CUSTOMER + "\"},"
                + "{\"title\":\"B\",\"customer\":\"" + ID + "\"}]");
        assertThat(created.getMessage().getHeader(KustomerConstants.BULK_JOB_IDS)).isEqualTo(List.of(ID));

        send("kustomer:kobjects?klass=order&operation=update", "[{\"id\":\"" + ID + "\",\"title\":\"C\"}]");
        verify("PUT", "/v1/klasses/order/bulk", "[{\"id\":\"" + ID + "\",\"title\":\"C\"}]");

        send("kustomer:customers", List.of(Map.of("name", "Ada")));
        verify("POST", "/v1/customers/bulk", "[{\"name\":\"Ada\"}]");
    }

    @Test
    void headersOverrideKlassAndOperation() {
        Map<String, Object> headers = new HashMap<>();
        headers.put(KustomerConstants.KLASS, "shipment");
        headers.put(KustomerConstants.OPERATION, "get");
        headers.put(KustomerConstants.ID, ID);
        send("kustomer:kobjects?klass=order", null, headers);
        verify("GET", "/v1/klasses/shipment/" + ID, null);
    }

    @Test
    void anUnsupportedOperationOrBadKlassInAHeaderFailsBeforeAnyRequest() {
        Exchange upsertCompanies = send("kustomer:companies", null, Map.of(KustomerConstants.OPERATION, "upsert"));
        assertThat(upsertCompanies.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upsert is not supported for Kustomer resource companies")
                .hasMessageContaining("create, update, get, list");
        Exchange badKlass = send("kustomer:kobjects?klass=order", Map.of("title", "A"),
                Map.of(KustomerConstants.KLASS, "../customers"));
        assertThat(badKlass.getException()).hasMessageContaining("Invalid KObject klass name '../customers'")
                .hasMessageContaining("^[0-9a-zA-Z_-]+$");
        Exchange unknown = send("kustomer:notes", Map.of("body", "x"), Map.of(KustomerConstants.OPERATION, "upsert"));
        assertThat(unknown.getException()).hasMessageContaining("allowed: create, get, delete, list");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    private Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    /** The last request was this one, with the key as bearer token and JSON (and for a delete text/plain) accepted. */
    private static void verify(String method, String url, String json) {
        List<LoggedRequest> requests = server.findAll(RequestPatternBuilder.allRequests());
        assertThat(requests).isNotEmpty();
        LoggedRequest last = requests.get(requests.size() - 1);
        assertThat(last.getMethod().getName() + " " + last.getUrl()).isEqualTo(method + " " + url);
        RequestPatternBuilder pattern = RequestPatternBuilder.newRequestPattern(
                com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method), urlEqualTo(url))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Accept", equalTo(method.equals("DELETE") ? "application/json, text/plain"
                        : "application/json"));
        if (json != null) {
            pattern.withRequestBody(equalToJson(json));
        }
        server.verify(WireMock.moreThanOrExactly(1), pattern);
        server.resetRequests();
    }
}
