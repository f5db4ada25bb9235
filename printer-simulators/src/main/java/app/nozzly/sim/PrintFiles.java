package app.nozzly.sim;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Print files as the slicers write them, for simulated printers and their clients' tests: a Bambu Studio project
 * ({@code .3mf}: a zip with the plate's G-code, its header and config blocks, {@code slice_info.config} and plate
 * thumbnails) and a PrusaSlicer binary G-code ({@code .bgcode}: "GCDE" header, INI metadata blocks, PNG thumbnail
 * blocks, CRC32 per block) or plain G-code with the same metadata as comments.
 */
public final class PrintFiles {

    /** bgcode block types of the libbgcode specification. */
    static final int BLOCK_FILE_METADATA = 0;
    static final int BLOCK_GCODE = 1;
    static final int BLOCK_SLICER_METADATA = 2;
    static final int BLOCK_PRINTER_METADATA = 3;
    static final int BLOCK_PRINT_METADATA = 4;
    static final int BLOCK_THUMBNAIL = 5;

    private PrintFiles() {
    }

    /** What a slicer knows about one sliced plate. */
    public record Slice(Duration printTime, double filamentGrams, String filamentType, String colorHex,
            double layerHeight, int infillPercent, int layerCount, int nozzleTemperature, int bedTemperature,
            boolean supports) {

        public Slice {
            Objects.requireNonNull(printTime, "printTime");
            Objects.requireNonNull(filamentType, "filamentType");
            Objects.requireNonNull(colorHex, "colorHex");
        }

        /** A typical PLA plate: 0.2 mm layers, 15 % infill, 215/60 °C, no supports. */
        public static Slice pla(Duration printTime, double filamentGrams) {
            return new Slice(printTime, filamentGrams, "PLA", "#000000", 0.2, 15,
                    (int) Math.max(10, printTime.toSeconds() / 30), 215, 60, false);
        }
    }

    /** A square PNG of one colour, like the plate previews slicers embed. */
    public static byte[] thumbnailPng(int size, int rgb) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(rgb));
        graphics.fillRect(0, 0, size, size);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** "1h 2m 3s", the slicers' way of writing a print time. */
    static String slicerTime(Duration time) {
        long seconds = time.toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 86_400) {
            text.append(seconds / 86_400).append("d ");
        }
        if (seconds >= 3_600) {
            text.append(seconds % 86_400 / 3_600).append("h ");
        }
        if (seconds >= 60) {
            text.append(seconds % 3_600 / 60).append("m ");
        }
        return text.append(seconds % 60).append('s').toString();
    }

    // ---- Bambu Studio .3mf ----

    /** A Bambu Studio project with one sliced plate (Metadata/plate_1.gcode) and its thumbnails. */
    public static byte[] bambu3mf(Slice slice, byte[] thumbnailPng) {
        String gcode = bambuPlateGcode(slice);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                     <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                     <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
                     <Default Extension="png" ContentType="image/png"/>
                     <Default Extension="gcode" ContentType="text/x.gcode"/>
                    </Types>
                    """.getBytes(StandardCharsets.UTF_8));
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                     <Relationship Target="/3D/3dmodel.model" Id="rel-1" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
                     <Relationship Target="/Metadata/plate_1.png" Id="rel-2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"/>
                    </Relationships>
                    """.getBytes(StandardCharsets.UTF_8));
            entry(zip, "3D/3dmodel.model", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">
                     <metadata name="Application">BambuStudio-01.09.00.70</metadata>
                     <resources/>
                     <build/>
                    </model>
                    """.getBytes(StandardCharsets.UTF_8));
            entry(zip, "Metadata/plate_1.gcode", gcode.getBytes(StandardCharsets.UTF_8));
            entry(zip, "Metadata/plate_1.gcode.md5", md5Hex(gcode.getBytes(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII));
            if (thumbnailPng != null) {
                entry(zip, "Metadata/plate_1.png", thumbnailPng);
                entry(zip, "Metadata/plate_1_small.png", thumbnailPng);
            }
            entry(zip, "Metadata/slice_info.config", String.format(Locale.ROOT, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <config>
                      <header>
                        <header_item key="X-BBL-Client-Type" value="slicer"/>
                        <header_item key="X-BBL-Client-Version" value="01.09.00.70"/>
                      </header>
                      <plate>
                        <metadata key="index" value="1"/>
                        <metadata key="nozzle_diameters" value="0.4"/>
                        <metadata key="prediction" value="%d"/>
                        <metadata key="weight" value="%.2f"/>
                        <metadata key="outside" value="false"/>
                        <metadata key="support_used" value="%s"/>
                        <metadata key="label_object_enabled" value="true"/>
                        <filament id="1" tray_info_idx="GFA00" type="%s" color="%s" used_m="%.2f" used_g="%.2f"/>
                      </plate>
                    </config>
                    """, slice.printTime().toSeconds(), slice.filamentGrams(), slice.supports(), slice.filamentType(),
                    slice.colorHex().toUpperCase(Locale.ROOT), slice.filamentGrams() / 2.98, slice.filamentGrams())
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String bambuPlateGcode(Slice slice) {
        return String.format(Locale.ROOT, """
                ; HEADER_BLOCK_START
                ; BambuStudio 01.09.00.70
                ; model printing time: %s; total estimated time: %s
                ; total layer number: %d
                ; total filament length [mm] : %.2f
                ; total filament volume [cm^3] : %.2f
                ; total filament weight [g] : %.2f
                ; filament_density: 1.24
                ; filament_diameter: 1.75
                ; max_z_height: %.2f
                ; HEADER_BLOCK_END

                ; CONFIG_BLOCK_START
                ; layer_height = %s
                ; initial_layer_print_height = 0.2
                ; sparse_infill_density = %d%%
                ; enable_support = %d
                ; filament_type = %s
                ; filament_colour = %s
                ; nozzle_temperature = %d
                ; nozzle_temperature_initial_layer = %d
                ; hot_plate_temp = %d
                ; hot_plate_temp_initial_layer = %d
                ; printer_model = Bambu Lab A1
                ; CONFIG_BLOCK_END

                ; EXECUTABLE_BLOCK_START
                M73 P0 R%d
                G28
                M73 P100 R0
                ; EXECUTABLE_BLOCK_END
                """, slicerTime(slice.printTime()), slicerTime(slice.printTime()), slice.layerCount(),
                slice.filamentGrams() / 2.98 * 1000, slice.filamentGrams() / 1.24, slice.filamentGrams(),
                slice.layerCount() * slice.layerHeight(), trim(slice.layerHeight()), slice.infillPercent(),
                slice.supports() ? 1 : 0, slice.filamentType(), slice.colorHex().toUpperCase(Locale.ROOT),
                slice.nozzleTemperature(), slice.nozzleTemperature(), slice.bedTemperature(), slice.bedTemperature(),
                slice.printTime().toMinutes());
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String md5Hex(byte[] content) {
        try {
            return java.util.HexFormat.of().withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("MD5").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    // ---- PrusaSlicer .bgcode / .gcode ----

    /** The metadata PrusaSlicer writes into the printer and print metadata blocks (INI key = value). */
    static Map<String, String> prusaMetadata(Slice slice) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("printer_model", "COREONE");
        meta.put("filament_type", slice.filamentType());
        meta.put("extruder_colour", slice.colorHex());
        meta.put("nozzle_diameter", "0.4");
        meta.put("layer_height", trim(slice.layerHeight()));
        meta.put("fill_density", slice.infillPercent() + "%");
        meta.put("support_material", slice.supports() ? "1" : "0");
        meta.put("temperature", Integer.toString(slice.nozzleTemperature()));
        meta.put("bed_temperature", Integer.toString(slice.bedTemperature()));
        meta.put("brim_width", "0");
        meta.put("max_layer_z", trim(slice.layerCount() * slice.layerHeight()));
        meta.put("filament used [mm]", String.format(Locale.ROOT, "%.2f", slice.filamentGrams() / 2.98 * 1000));
        meta.put("filament used [g]", String.format(Locale.ROOT, "%.2f", slice.filamentGrams()));
        meta.put("estimated printing time (normal mode)", slicerTime(slice.printTime()));
        return meta;
    }

    /** A PrusaSlicer binary G-code file (libbgcode format version 1, CRC32 block checksums, uncompressed). */
    public static byte[] prusaBgcode(Slice slice, byte[] thumbnailPng) {
        Map<String, String> meta = prusaMetadata(slice);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        header.put("GCDE".getBytes(StandardCharsets.US_ASCII)).putInt(1).putShort((short) 1);
        out.writeBytes(header.array());
        block(out, BLOCK_FILE_METADATA, ini(Map.of("Producer", "PrusaSlicer 2.8.1")), null);
        block(out, BLOCK_PRINTER_METADATA, ini(meta), null);
        if (thumbnailPng != null) {
            block(out, BLOCK_THUMBNAIL, thumbnailPng, new int[] { 0, 16, 16 });
            block(out, BLOCK_THUMBNAIL, thumbnailPng, new int[] { 0, 313, 173 });
        }
        Map<String, String> print = new LinkedHashMap<>();
        print.put("filament used [g]", meta.get("filament used [g]"));
        print.put("estimated printing time (normal mode)", meta.get("estimated printing time (normal mode)"));
        block(out, BLOCK_PRINT_METADATA, ini(print), null);
        block(out, BLOCK_SLICER_METADATA, ini(Map.of("layer_height", meta.get("layer_height"), "fill_density",
                meta.get("fill_density"), "filament_type", slice.filamentType())), null);
        block(out, BLOCK_GCODE, "G28\nG1 Z5 F3000\n".getBytes(StandardCharsets.US_ASCII), null);
        return out.toByteArray();
    }

    /** Plain PrusaSlicer G-code: the same metadata as trailing comments. */
    public static byte[] prusaGcode(Slice slice) {
        StringBuilder text = new StringBuilder("G28\nG1 Z5 F3000\n");
        prusaMetadata(slice).forEach((key, value) -> text.append("; ").append(key).append(" = ").append(value)
                .append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ini(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One block: type, compression 0, size, parameters (encoding 0, or thumbnail format/width/height), data, CRC32. */
    private static void block(ByteArrayOutputStream out, int type, byte[] data, int[] thumbnail) {
        int parameters = thumbnail == null ? 2 : 6;
        ByteBuffer block = ByteBuffer.allocate(8 + parameters + data.length).order(ByteOrder.LITTLE_ENDIAN);
        block.putShort((short) type).putShort((short) 0).putInt(data.length);
        if (thumbnail == null) {
            block.putShort((short) 0);
        } else {
            block.putShort((short) thumbnail[0]).putShort((short) thumbnail[1]).putShort((short) thumbnail[2]);
        }
        block.put(data);
        CRC32 crc = new CRC32();
        crc.update(block.array());
        out.writeBytes(block.array());
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue()).array());
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
