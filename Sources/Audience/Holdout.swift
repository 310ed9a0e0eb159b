/// The random hold-out of a segment: members kept unreached so that effect can be measured against them.
/// Deterministic (a hash of segment, profile and the segment's salt), so a member stays in or out across recomputes
/// and anyone can reproduce the split.
public enum Holdout {
    /// Is this member held out at `percent` (0–50)?
    public static func isHeldOut(segment: Int, profile: Int, percent: Int) -> Bool {
        guard percent > 0 else { return false }
        return bucket(segment: segment, profile: profile) < percent
    }

    /// A bucket 0–99 from 64-bit FNV-1a over the two ids (stable across platforms and releases).
    public static func bucket(segment: Int, profile: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in [UInt64(truncatingIfNeeded: segment), UInt64(truncatingIfNeeded: profile)] {
            for shift in stride(from: 0, to: 64, by: 8) {
                hash ^= (value >> UInt64(shift)) & 0xff
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        return Int(hash % 100)
    }
}
