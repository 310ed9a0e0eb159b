import Foundation
import HTTPServer
import Synchronization
import Testing

@Suite struct WorkerPoolTests {
    @Test func everyAcceptedJobRunsOnce() {
        let pool = WorkerPool(threads: 3, capacity: 10_000)
        let count = Atomic<Int>(0)
        for _ in 0..<2000 { #expect(pool.submit { count.add(1, ordering: .relaxed) }) }
        for _ in 0..<500 where count.load(ordering: .relaxed) < 2000 { usleep(2000) }
        #expect(count.load(ordering: .relaxed) == 2000)
        pool.stop()
    }

    @Test func aFullQueueRefusesInsteadOfGrowing() {
        let pool = WorkerPool(threads: 1, capacity: 2)
        let release = Atomic<Bool>(false)
        #expect(pool.submit { while !release.load(ordering: .relaxed) { usleep(500) } })
        usleep(50_000)
        #expect(pool.submit {})
        #expect(pool.submit {})
        #expect(!pool.submit {}, "third waiting job is refused")
        release.store(true, ordering: .relaxed)
        pool.stop()
    }
}
