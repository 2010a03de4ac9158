import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SerialQueue, throttle } from './tileScheduling'

describe('SerialQueue', () => {
  it('runs one task at a time, in order, also after a failure', async () => {
    const queue = new SerialQueue()
    const log: string[] = []
    let release!: () => void
    const first = queue.run(
      () =>
        new Promise<void>((resolve) => {
          log.push('first starts')
          release = () => {
            log.push('first ends')
            resolve()
          }
        }),
    )
    const failing = queue.run(async () => {
      log.push('second')
      throw new Error('boom')
    })
    const third = queue.run(async () => {
      log.push('third')
      return 3
    })
    await Promise.resolve()
    expect(log).toEqual(['first starts'])
    release()
    await first
    await expect(failing).rejects.toThrow('boom')
    await expect(third).resolves.toBe(3)
    expect(log).toEqual(['first starts', 'first ends', 'second', 'third'])
  })
})

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs at once the first time, then no sooner than the gap, folding requests', async () => {
    const runs: number[] = []
    const throttled = throttle(async () => {
      runs.push(Date.now())
    }, 1000)
    const start = Date.now()
    throttled.request()
    await vi.advanceTimersByTimeAsync(0)
    expect(runs).toEqual([start])

    throttled.request()
    throttled.request()
    throttled.request()
    await vi.advanceTimersByTimeAsync(999)
    expect(runs).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs).toEqual([start, start + 1000])

    await vi.advanceTimersByTimeAsync(5000)
    expect(runs).toHaveLength(2)
  })

  it('runs once more when asked during a run', async () => {
    let finish!: () => void
    let count = 0
    const throttled = throttle(
      () =>
        new Promise<void>((resolve) => {
          count++
          finish = resolve
        }),
      100,
    )
    throttled.request()
    await vi.advanceTimersByTimeAsync(0)
    throttled.request()
    expect(count).toBe(1)
    finish()
    await vi.advanceTimersByTimeAsync(100)
    expect(count).toBe(2)
    finish()
    await vi.advanceTimersByTimeAsync(1000)
    expect(count).toBe(2)
  })

  it('runs no more once disposed', async () => {
    const task = vi.fn(async () => {})
    const throttled = throttle(task, 100)
    throttled.request()
    throttled.dispose()
    await vi.advanceTimersByTimeAsync(1000)
    throttled.request()
    await vi.advanceTimersByTimeAsync(1000)
    expect(task).not.toHaveBeenCalled()
  })

  it('keeps going after a failed run', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    let count = 0
    const throttled = throttle(async () => {
      count++
      if (count === 1) throw new Error('boom')
    }, 10)
    throttled.request()
    await vi.advanceTimersByTimeAsync(0)
    throttled.request()
    await vi.advanceTimersByTimeAsync(10)
    expect(count).toBe(2)
    expect(errors).toHaveBeenCalledOnce()
    errors.mockRestore()
  })
})
