package io.github.twilioauth.test;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.github.twilioauth.test.Registry.Organization;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Accounts resource of Twilio's Organizations API: list and fetch the accounts of an
 * organization, paged the way Twilio's newer APIs page ({@code content} and {@code meta}), with
 * page addresses on Twilio's own host, as Twilio answers them whatever host was called.
 */
final class OrganizationsApi {

    private static final String ORIGIN = "https://preview-iam.twilio.com";

    private final Registry registry;

    OrganizationsApi(Registry registry) {
        this.registry = registry;
    }

    HttpReply list(String orgSid, Map<String, List<String>> query) {
        Organization organization = organization(orgSid, "/Organizations/" + orgSid + "/Accounts");
        Page<String> page = Page.of(organization.accountSids(), (accountSid) -> accountSid, query, Page.ORGANIZATIONS);
        String url = ORIGIN + "/Organizations/" + orgSid + "/Accounts?";
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode content = json.putArray("content");
        page.items().forEach((accountSid) -> content.add(json(organization, accountSid)));
        ObjectNode meta = json.putObject("meta");
        meta.put("page", page.number());
        meta.put("page_size", page.size());
        meta.put("first_page_url", page.first(url));
        meta.put("previous_page_url", page.previous(url));
        meta.put("url", page.current(url));
        meta.put("next_page_url", page.next(url));
        meta.put("key", "content");
        return HttpReply.json(200, json);
    }

    HttpReply fetch(String orgSid, String accountSid, String path) {
        Organization organization = organization(orgSid, path);
        if (!organization.accountSids().contains(accountSid)) {
            throw ErrorAnswer.notFound(path);
        }
        return HttpReply.json(200, json(organization, accountSid));
    }

    private Organization organization(String orgSid, String path) {
        return this.registry.organization(orgSid).orElseThrow(() -> ErrorAnswer.notFound(path));
    }

    private static ObjectNode json(Organization organization, String accountSid) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("account_sid", accountSid);
        json.put("friendly_name", "Mock account " + accountSid);
        json.put("status", "active");
        json.put("owner_sid", organization.ownerSid());
        json.put("date_created",
                DateTimeFormatter.ISO_INSTANT.format(organization.dateCreated().truncatedTo(ChronoUnit.SECONDS)));
        return json;
    }
}
