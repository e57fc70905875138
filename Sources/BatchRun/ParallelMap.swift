import Dispatch
import Foundation

/// `transform` over `items` on up to `threads` threads, the caller's among them; the results in
/// the items' order. For work that needs no store and no order (building the return notices'
/// documents): the run's `intake.workers` say how many cores the night may take.
///
/// Plain blocks on the global queue, as `ReadAhead`'s workers: `concurrentPerform` called from
/// inside a queue's block (the store's reads run in one) may run serially.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], threads: Int,
                                                   _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
    guard threads > 1, items.count > 1 else { return items.map(transform) }
    let work = ParallelWork(items, transform)
    let group = DispatchGroup()
    for _ in 1..<min(threads, items.count) {
        DispatchQueue.global().async(group: group) { work.drain() }
    }
    work.drain()
    group.wait()
    return work.results()
}

/// The shared state of one `parallelMap`: the next item to take and the results so far.
private final class ParallelWork<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    private let items: [Item]
    private let transform: @Sendable (Item) -> Result
    private let lock = NSLock()
    // Guarded by `lock`.
    private var next = 0
    private var done: [Result?]

    init(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) {
        self.items = items
        self.transform = transform
        done = Array(repeating: nil, count: items.count)
    }

    func drain() {
        while true {
            lock.lock()
            let index = next
            next += 1
            lock.unlock()
            guard index < items.count else { return }
            let result = transform(items[index])
            lock.lock()
            done[index] = result
            lock.unlock()
        }
    }

    /// Once every `drain` has returned.
    func results() -> [Result] {
        lock.lock()
        defer { lock.unlock() }
        return done.map { $0! }
    }
}

/// One piece of work started on another thread at once, its result taken with `wait`.
final class BackgroundWork<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written by the work before `group` is left, read after `wait`.
    private var result: Result<Value, Failure>?

    init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        DispatchQueue.global().async(group: group) {
            let outcome = Result { () throws(Failure) in try work() }
            self.result = outcome
        }
    }

    /// Waits for the work to end; its value or its error.
    func wait() -> Result<Value, Failure> {
        group.wait()
        return result!
    }
}
