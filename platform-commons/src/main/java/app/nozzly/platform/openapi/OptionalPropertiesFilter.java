package app.nozzly.platform.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * A property a schema does not require may be null on the wire (Jackson writes absent values as null), so the
 * served document says so: every optional property is nullable. A reference to a date, a UUID or an enum is
 * written out in place (then nullable like any property); a reference to an object is wrapped in allOf, which is
 * how OpenAPI 3.0 lets a $ref be null. Generated clients then accept what the services really send.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OptionalPropertiesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        components.values().forEach(schema -> nullableOptionals(schema, components));
    }

    private static boolean isPrimitive(Schema schema) {
        return schema.getType() != null && schema.getType().size() == 1 && schema.getProperties() == null
                && schema.getType().get(0) != Schema.SchemaType.OBJECT && schema.getType().get(0)
                        != Schema.SchemaType.ARRAY;
    }

    private static void nullableOptionals(Schema schema, Map<String, Schema> components) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            if (required.contains(property.getKey())) {
                continue;
            }
            Schema value = property.getValue();
            Schema referenced = value.getRef() == null ? null
                    : components.get(value.getRef().substring(value.getRef().lastIndexOf('/') + 1));
            if (referenced != null && isPrimitive(referenced)) {
                // a date, a UUID or an enum is written out where it is used: a plain nullable property
                Schema inline = OASFactory.createSchema().type(new java.util.ArrayList<>(referenced.getType()))
                        .format(referenced.getFormat()).pattern(referenced.getPattern())
                        .enumeration(referenced.getEnumeration())
                        .description(value.getDescription() != null ? value.getDescription()
                                : referenced.getDescription());
                inline.addType(Schema.SchemaType.NULL);
                schema.addProperty(property.getKey(), inline);
            } else if (value.getRef() != null) {
                // OpenAPI 3.0's nullable reference: {type, nullable: true, allOf: [$ref]}
                if (referenced != null && referenced.getType() != null && referenced.getType().size() == 1) {
                    schema.addProperty(property.getKey(), OASFactory.createSchema()
                            .addType(referenced.getType().get(0)).addType(Schema.SchemaType.NULL)
                            .addAllOf(OASFactory.createSchema().ref(value.getRef()))
                            .description(value.getDescription()));
                }
            } else if (value.getType() != null && !value.getType().contains(Schema.SchemaType.NULL)) {
                value.addType(Schema.SchemaType.NULL);
                nullableOptionals(value, components);
            }
        }
    }
}
