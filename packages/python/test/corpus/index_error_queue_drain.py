# Drains a job queue with pop(0) one job too many, raising IndexError from an empty list.
jobs = ["compile", "test", "package"]
done = []


def run_next():
    job = jobs.pop(0)
    done.append(job.upper())
    return job


for _ in range(4):
    print("ran", run_next(), "left", len(jobs))
