//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): an equal-area projection
//! with straight parallels, drawn as world maps in atlases are.

/// The polynomial's coefficients, from the paper.
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// Projects a longitude and latitude in degrees to (x, y) on the unit Equal Earth map:
/// x east, y north; x spans ±2.7064 at the equator, y ±1.3173 at the poles.
pub(crate) fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let (lambda, phi) = (lon.to_radians(), lat.to_radians());
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos()
        / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::equal_earth;

    #[test]
    fn reference_points() {
        // The closed forms: x = 2 sqrt(3) pi / (3 A1) on the equator at 180 degrees, and
        // theta = pi / 3 at the pole.
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, _) = equal_earth(180.0, 0.0);
        assert!((x - 2.0 * 3f64.sqrt() * std::f64::consts::PI / (3.0 * 1.340264)).abs() < 1e-12);
        let t = std::f64::consts::FRAC_PI_3;
        let (_, y) = equal_earth(0.0, 90.0);
        let pole =
            t * (1.340264 - 0.081106 * t.powi(2) + 0.000893 * t.powi(6) + 0.003796 * t.powi(8));
        assert!((y - pole).abs() < 1e-12, "{y} {pole}");
        // Symmetric about both axes.
        let (x1, y1) = equal_earth(-30.0, -20.0);
        let (x2, y2) = equal_earth(30.0, 20.0);
        assert!((x1 + x2).abs() < 1e-12 && (y1 + y2).abs() < 1e-12);
    }

    /// Equal area: a one-degree cell's projected area over its area on the sphere
    /// ((sin lat2 - sin lat1) times the longitude span) is the same everywhere.
    #[test]
    fn cells_keep_their_area() {
        let ratio = |lon: f64, lat: f64| {
            let corners = [
                (lon, lat),
                (lon + 1.0, lat),
                (lon + 1.0, lat + 1.0),
                (lon, lat + 1.0),
            ]
            .map(|(a, b)| equal_earth(a, b));
            let mut area = 0.0;
            for i in 0..4 {
                let ((x0, y0), (x1, y1)) = (corners[i], corners[(i + 1) % 4]);
                area += x0 * y1 - x1 * y0;
            }
            let sphere =
                ((lat + 1.0).to_radians().sin() - lat.to_radians().sin()) * 1f64.to_radians();
            area / 2.0 / sphere
        };
        let at_equator = ratio(0.0, 0.0);
        for (lon, lat) in [(40.0, 30.0), (-120.0, 59.0), (170.0, -75.0), (10.0, 85.0)] {
            let r = ratio(lon, lat);
            assert!(
                (r - at_equator).abs() / at_equator < 1e-3,
                "{lon} {lat}: {r} vs {at_equator}"
            );
        }
    }
}
