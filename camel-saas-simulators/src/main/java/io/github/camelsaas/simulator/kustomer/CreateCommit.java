package io.github.camelsaas.simulator.kustomer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores prepared creates once the per-customer limit lets them through: all of a request's records or none.
 * A KObject, conversation, message or note linked to a customer counts against that customer, unless its body
 * carries {@code importedAt} (notes have no such exemption). The items of a bulk request count one each, or not at all
 * when bulk counting is switched off.
 */
final class CreateCommit {

    private final KustomerStore store;
    private final KustomerRateLimits limits;

    CreateCommit(KustomerStore store, KustomerRateLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    StoredObject one(RecordFactory.Prepared prepared) {
        return commit(List.of(prepared), false).get(0);
    }

    List<StoredObject> bulk(List<RecordFactory.Prepared> prepared) {
        return commit(prepared, true);
    }

    static boolean countsAgainstCustomer(StoredObject record) {
        if (record.customerId() == null) {
            return false;
        }
        return switch (record.kind()) {
            case KOBJECT, CONVERSATION, MESSAGE -> !record.imported();
            case NOTE -> true;
            case CUSTOMER, COMPANY -> false;
        };
    }

    private List<StoredObject> commit(List<RecordFactory.Prepared> prepared, boolean bulk) {
        List<StoredObject> records = new ArrayList<>();
        prepared.forEach(p -> records.add(p.record()));
        // refuse a taken external id before counting anything against the customer
        ResourceCollection collection = store.collectionOf(records.get(0));
        try {
            collection.checkExternalIds(records);
        } catch (ResourceCollection.DuplicateExternalIdException e) {
            throw duplicate(e, bulk);
        }
        if (!bulk || limits.bulkCountsPerItem()) {
            admit(records);
        }
        for (RecordFactory.Prepared p : prepared) {
            if (p.implicitConversation() != null) {
                store.of(ResourceKind.CONVERSATION).insert(p.implicitConversation());
            }
        }
        try {
            collection.insertAll(records);
        } catch (ResourceCollection.DuplicateExternalIdException e) {
            throw duplicate(e, bulk);
        }
        return records;
    }

    private void admit(List<StoredObject> records) {
        Map<String, Integer> createsByCustomer = new LinkedHashMap<>();
        for (StoredObject record : records) {
            if (countsAgainstCustomer(record)) {
                createsByCustomer.merge(record.customerId(), 1, Integer::sum);
            }
        }
        if (createsByCustomer.isEmpty()) {
            return;
        }
        Optional<KustomerRateLimits.CustomerRejection> rejection = limits.admitCustomerCreates(createsByCustomer);
        if (rejection.isPresent()) {
            String customerId = rejection.get().customerId();
            ApiException tooMany = ApiException.tooManyRequests("rate limit reached: at most "
                    + rejection.get().decision().limit() + " creates per customer per window for customer "
                    + customerId + (createsByCustomer.get(customerId) > 1
                            ? " (this request would add " + createsByCustomer.get(customerId) + ")" : ""));
            KustomerRateLimits.applyHeaders(rejection.get().decision(), KustomerRateLimits.HeaderSink.of(tooMany));
            throw tooMany;
        }
    }

    private static ApiException duplicate(ResourceCollection.DuplicateExternalIdException e, boolean bulk) {
        if (bulk) {
            return ApiException.invalidField("/" + e.index + "/externalId",
                    "item " + e.index + ": externalId '" + e.externalId + "' is already used");
        }
        return ApiException.conflict("/externalId", "externalId '" + e.externalId + "' is already used");
    }
}
