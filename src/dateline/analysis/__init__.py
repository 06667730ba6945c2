"""dateline.analysis"""
