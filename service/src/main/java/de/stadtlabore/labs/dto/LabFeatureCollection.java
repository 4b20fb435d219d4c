package de.stadtlabore.labs.dto;

import java.util.List;
import java.util.UUID;

import de.stadtlabore.common.paging.Page;

/**
 * Labs as an RFC 7946 GeoJSON FeatureCollection for maps. The paging fields are GeoJSON
 * "foreign members" and mean the same as in the JSON list.
 */
public record LabFeatureCollection(String type, List<Feature> features, int page, int size, long totalItems,
        int totalPages) {

    public LabFeatureCollection(List<Feature> features, int page, int size, long totalItems, int totalPages) {
        this("FeatureCollection", features, page, size, totalItems, totalPages);
    }

    /** The labs of a page as features, with the page's paging fields. */
    public static LabFeatureCollection of(Page<LabView> page) {
        return new LabFeatureCollection(page.items().stream()
                .map(lab -> new Feature(lab.id(),
                        new Point(lab.coordinates().longitude(), lab.coordinates().latitude()),
                        new Properties(lab.slug(), lab.name(), lab.municipality(), lab.address(), lab.topics(),
                                lab.accessibility())))
                .toList(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }

    public record Feature(String type, UUID id, Point geometry, Properties properties) {
        public Feature(UUID id, Point geometry, Properties properties) {
            this("Feature", id, geometry, properties);
        }
    }

    /** A GeoJSON point: {@code [longitude, latitude]}. */
    public record Point(String type, List<Double> coordinates) {
        public Point(double longitude, double latitude) {
            this("Point", List.of(longitude, latitude));
        }
    }

    public record Properties(String slug, String name, MunicipalityRef municipality, Address address,
            List<String> topics, Accessibility accessibility) {
    }
}
