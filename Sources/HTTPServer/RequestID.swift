import Synchronization

/// Short, unique request ids: a per-process random prefix and a counter.
public enum RequestID {
    private static let counter = Atomic<UInt64>(0)
    private static let prefix: String = {
        var rng = SystemRandomNumberGenerator()
        return String(UInt32.random(in: 0...UInt32.max, using: &rng), radix: 36)
    }()

    public static func next() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(n, radix: 36)
    }
}
